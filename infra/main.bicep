// Cleanup in Azure: Flex Consumption function app (Durable orchestrations, timer and HTTP triggers), storage for its
// state, Key Vault for the home services' secrets, Application Insights, and the Static Web App serving the
// dashboard with the function app linked as its /api backend. See infra/README.md for the deployment steps.

targetScope = 'resourceGroup'

type serviceKind = 'Radarr' | 'Sonarr' | 'Jellyfin' | 'Emby' | 'Plex' | 'Jellyseerr' | 'Overseerr' | 'Jellystat' | 'Tautulli'

type homeService = {
  @description('Which integration talks to this service.')
  kind: serviceKind

  @description('Unique display name; lowercase letters, digits and hyphens. The API key is read from the Key Vault secret "<name>-api-key".')
  @minLength(1)
  @maxLength(60)
  name: string

  @description('Base URL the app calls, usually a tunnel hostname such as https://radarr.example.com.')
  url: string

  @description('Per-request timeout in seconds.')
  timeoutSeconds: int

  @description('Most requests the app sends to this service at once.')
  maxConcurrency: int

  @description('Whether this service must answer for a run to go ahead; keep true unless the service is optional.')
  required: bool

  @description('Send the Cloudflare Access service-token headers (CF-Access-Client-Id/-Secret) with every request.')
  cloudflareAccess: bool
}

@description('Short name used in every resource name: lowercase letters and digits.')
@minLength(3)
@maxLength(11)
param baseName string = 'cleanup'

@description('Region of everything but the Static Web App; it must offer Flex Consumption with dotnet-isolated 10.0 (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Region of the Static Web App (its service exists in a few regions only).')
@allowed([
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
  'eastasia'
])
param staticWebAppLocation string = 'westeurope'

@description('The home media services the app reads, and deletes through (Radarr/Sonarr).')
param services homeService[]

@description('API key (Plex: X-Plex-Token) per service name, e.g. {"radarr": "..."}. Supplied at deploy time, never committed; a missing name leaves the vault secret as it is.')
@secure()
param serviceApiKeys object = {}

@description('Cloudflare Access service token id; empty leaves the vault secret as it is.')
@secure()
param cloudflareAccessClientId string = ''

@description('Cloudflare Access service token secret; empty leaves the vault secret as it is.')
@secure()
param cloudflareAccessClientSecret string = ''

@description('NCRONTAB (6 fields, UTC) of the full library sync.')
param fullSyncSchedule string = '0 0 * * * *'

@description('NCRONTAB (6 fields, UTC) of the incremental sync.')
param incrementalSyncSchedule string = '0 */15 * * * *'

@description('NCRONTAB (6 fields, UTC) of the cleanup run.')
param cleanupSchedule string = '0 0 3 * * *'

@description('Dry run: plan and audit deletions without performing them. Keep true until the audit log looks right.')
param dryRun bool = true

@description('Second switch for real deletions; both dryRun=false and enableDeletion=true are needed.')
param enableDeletion bool = false

@description('Further app settings as name/string pairs, e.g. {"Deletion__MaxItemsPerRun": "5"}.')
param extraAppSettings object = {}

@description('Allow storage account keys. Off: every client uses managed identity.')
param allowStorageSharedKeyAccess bool = false

@description('Upper bound on Flex Consumption instances.')
param maximumInstanceCount int = 100

param tags object = {
  app: 'cleanup'
}

var suffix = uniqueString(resourceGroup().id, baseName)
var shortSuffix = take(suffix, 6)
var names = {
  storage: take('st${replace(toLower(baseName), '-', '')}${suffix}', 24)
  keyVault: take('kv-${toLower(baseName)}-${suffix}', 24)
  workspace: 'log-${baseName}-${shortSuffix}'
  appInsights: 'appi-${baseName}-${shortSuffix}'
  plan: 'plan-${baseName}-${shortSuffix}'
  functionApp: 'func-${baseName}-${shortSuffix}'
  staticWebApp: 'swa-${baseName}-${shortSuffix}'
}

// Settings are bound per kind and index: Services__Radarr__0__Url, Services__Radarr__1__Url, Services__Sonarr__0__Url...
// ARM has no group-by, so a service's index is the number of earlier services of the same kind: the occurrences of
// "<Kind>" (quotes included) in the JSON text of the earlier kinds, e.g. ["Radarr","Sonarr"] holds "Radarr" once.
var serviceKinds = [for service in services: service.kind]
var serviceIndexes = [for (service, i) in services: length(split(string(take(serviceKinds, i)), '"${service.kind}"')) - 1]
var servicePrefixes = [for (service, i) in services: 'Services__${service.kind}__${serviceIndexes[i]}__']

// App Service on Linux allows only letters, digits, '_' and '.' in setting names, so the header names are spelled
// with '_' here; the app sends CF_Access_Client_Id as the header CF-Access-Client-Id.
var keyVaultReference = '@Microsoft.KeyVault(VaultName=${names.keyVault};SecretName='
var serviceSettings = [for (service, i) in services: union({
  '${servicePrefixes[i]}Name': service.name
  '${servicePrefixes[i]}Url': service.url
  '${servicePrefixes[i]}ApiKey': '${keyVaultReference}${service.name}-api-key)'
  '${servicePrefixes[i]}TimeoutSeconds': string(service.timeoutSeconds)
  '${servicePrefixes[i]}MaxConcurrency': string(service.maxConcurrency)
  '${servicePrefixes[i]}Required': service.required ? 'true' : 'false'
}, service.cloudflareAccess ? {
  '${servicePrefixes[i]}Headers__CF_Access_Client_Id': '${keyVaultReference}cf-access-client-id)'
  '${servicePrefixes[i]}Headers__CF_Access_Client_Secret': '${keyVaultReference}cf-access-client-secret)'
} : {})]

var appSettings = union({
  FullSyncSchedule: fullSyncSchedule
  IncrementalSyncSchedule: incrementalSyncSchedule
  CleanupSchedule: cleanupSchedule
  Deletion__DryRun: dryRun ? 'true' : 'false'
  Deletion__EnableDeletion: enableDeletion ? 'true' : 'false'
}, reduce(serviceSettings, {}, (merged, next) => union(merged, next)), extraAppSettings)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    allowSharedKeyAccess: allowStorageSharedKeyAccess
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    serviceNames: [for service in services: service.name]
    serviceApiKeys: serviceApiKeys
    cloudflareAccessClientId: cloudflareAccessClientId
    cloudflareAccessClientSecret: cloudflareAccessClientSecret
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    planName: names.plan
    functionAppName: names.functionApp
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    appSettings: appSettings
    maximumInstanceCount: maximumInstanceCount
  }
}

module staticWebApp 'modules/staticwebapp.bicep' = {
  name: 'staticwebapp'
  params: {
    name: names.staticWebApp
    location: staticWebAppLocation
    tags: tags
    functionAppId: functionApp.outputs.id
    functionAppLocation: functionApp.outputs.location
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostname string = functionApp.outputs.defaultHostname
output staticWebAppName string = staticWebApp.outputs.name
output staticWebAppHostname string = staticWebApp.outputs.defaultHostname
output storageAccountName string = storage.outputs.name
output keyVaultName string = keyVault.outputs.name
