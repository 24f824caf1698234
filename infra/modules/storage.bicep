// Storage account for the Functions host (AzureWebJobsStorage: timer leases, Durable queues/history), the app's own
// tables and snapshot blobs, and the Flex Consumption deployment package. Everything reaches it with managed identity,
// so shared-key access is off by default.

@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

param location string

param tags object = {}

@description('Allow account-key (shared key) access. Off: the app, the Functions host and deployments all use managed identity.')
param allowSharedKeyAccess bool = false

@description('Blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string = 'deploymentpackage'

// The tables the app's stores use (see functions/Cleanup.Storage); created here so the app needs no create rights.
var tableNames = [
  'Media'
  'Keeps'
  'Rules'
  'Jobs'
  'Leases'
  'Audit'
  'DeletionLedger'
  'SourceHealth'
  'NotificationLedger'
]

// Library snapshots are passed between Durable activities by reference (claim check), not inside messages.
var containerNames = [
  deploymentContainerName
  'snapshots'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: allowSharedKeyAccess
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for containerName in containerNames: {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}]

// Per-run source snapshots and change sets are only needed while their run lasts; the "latest" snapshots are
// rewritten by every sync, so a week without modification means they are no longer used (the next sync recreates them).
resource snapshotRetention 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-snapshots'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'snapshots/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 7
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for tableName in tableNames: {
  parent: tableService
  name: tableName
}]

output name string = account.name
output id string = account.id
output deploymentContainerName string = deploymentContainerName
