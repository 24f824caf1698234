// Flex Consumption plan and the Azure Functions app (isolated worker, .NET 10) with a system-assigned identity.
// The identity gets data-plane roles on the storage account and read access to Key Vault secrets; app settings are
// applied only after those role assignments exist, so Key Vault references resolve on the first start.

param planName string
param functionAppName string
param location string
param tags object = {}

param storageAccountName string
param deploymentContainerName string
param keyVaultName string
param appInsightsName string

@description('Settings owned by the caller (schedules, engine switches, services). Platform settings are added here.')
param appSettings object

@description('Upper bound on instances Flex Consumption scales out to.')
param maximumInstanceCount int = 100

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

// Built-in role definition ids (same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // host leases and keys, deployment container, snapshots
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // app tables and Durable history/instances
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // required by the Durable Azure Storage backend
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault references
}

var storageRoleIds = [
  roles.storageBlobDataOwner
  roles.storageTableDataContributor
  roles.storageQueueDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // The host's storage connection is present from creation; the full set is applied by 'settings' below.
    siteConfig: {
      appSettings: [
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
      ]
    }
    // Flex takes the runtime from here, not from FUNCTIONS_WORKER_RUNTIME (which it rejects).
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in storageRoleIds: {
  name: guid(storage.id, functionAppName, roleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource vaultRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, functionAppName, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Identity-based connections only: no account keys anywhere in the settings. The Storage__* endpoints end with '/'.
var platformSettings = {
  AzureWebJobsStorage__accountName: storage.name
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  Storage__TableEndpoint: storage.properties.primaryEndpoints.table
  Storage__BlobEndpoint: storage.properties.primaryEndpoints.blob
}

// This resource owns the complete set of app settings: anything set by hand in the portal is replaced on deploy.
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(appSettings, platformSettings)
  dependsOn: [
    storageRoleAssignments
    vaultRoleAssignment
  ]
}

output name string = app.name
output id string = app.id
output location string = app.location
output defaultHostname string = app.properties.defaultHostName
output principalId string = app.identity.principalId
