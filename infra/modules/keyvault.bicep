// Key Vault (RBAC authorization) holding the home services' API keys and the Cloudflare Access service token.
// The function app reads them through Key Vault references in its app settings.
//
// A secret is written only when its value is supplied at deploy time. Omitting it leaves whatever the vault already
// holds, so an owner can also manage secrets directly (az keyvault secret set) without a redeploy blanking them.

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

param location string

param tags object = {}

@description('Names of the configured home services; each service reads the secret "<name>-api-key".')
param serviceNames array

@description('API key (Plex: X-Plex-Token) per service name, e.g. {"radarr": "...", "sonarr": "..."}.')
@secure()
param serviceApiKeys object = {}

@description('Cloudflare Access service token client id (header CF-Access-Client-Id).')
@secure()
param cloudflareAccessClientId string = ''

@description('Cloudflare Access service token client secret (header CF-Access-Client-Secret).')
@secure()
param cloudflareAccessClientSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource apiKeySecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for serviceName in serviceNames: if (contains(serviceApiKeys, serviceName)) {
  parent: vault
  name: '${serviceName}-api-key'
  properties: {
    // Guarded again: ARM's if() evaluates only the branch taken, so a missing key never fails the deployment.
    value: contains(serviceApiKeys, serviceName) ? serviceApiKeys[serviceName] : ''
    contentType: 'text/plain'
  }
}]

resource accessClientIdSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(cloudflareAccessClientId)) {
  parent: vault
  name: 'cf-access-client-id'
  properties: {
    value: cloudflareAccessClientId
    contentType: 'text/plain'
  }
}

resource accessClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(cloudflareAccessClientSecret)) {
  parent: vault
  name: 'cf-access-client-secret'
  properties: {
    value: cloudflareAccessClientSecret
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
