/**
 * Static vocabulary of the simulated tenant: first-party application ids (real, public values),
 * client strings, places and the words documents and mail subjects are made of.
 * IP addresses come only from the documentation ranges (RFC 5737 / RFC 3849), so nothing the
 * simulator emits points at a real network.
 */

export interface FirstPartyApp {
  appId: string;
  displayName: string;
}

export const apps = {
  office: { appId: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', displayName: 'Microsoft Office' },
  outlookWeb: { appId: '9199bf20-a13f-4107-85dc-02114787ef48', displayName: 'One Outlook Web' },
  outlookMobile: { appId: '27922004-5251-4030-b22d-91ecd9a37ea4', displayName: 'Outlook Mobile' },
  teams: { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', displayName: 'Microsoft Teams' },
  teamsWeb: { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', displayName: 'Microsoft Teams Web Client' },
  oneDriveSync: { appId: 'ab9b8c07-8f02-4f72-87fa-80105867a763', displayName: 'OneDrive SyncEngine' },
  sharePointWeb: { appId: '08e18876-6177-487e-b8b5-cf950c1e598c', displayName: 'SharePoint Online Web Client Extensibility' },
  officeHome: { appId: '4765445b-32c6-49b0-83e6-1d93765276ca', displayName: 'OfficeHome' },
  azurePortal: { appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', displayName: 'Azure Portal' },
  azureCli: { appId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', displayName: 'Microsoft Azure CLI' },
  azurePowerShell: { appId: '1950a258-227b-4e31-a9cf-717495945fc2', displayName: 'Microsoft Azure PowerShell' },
  authBroker: { appId: '29d9ed98-a469-4536-ade2-f981bc1d605e', displayName: 'Microsoft Authentication Broker' },
  mySignins: { appId: '19db86c3-b2b9-44cc-b339-36da233a3be2', displayName: 'My Signins' },
  windowsSignIn: { appId: '38aa3b87-a06d-4817-b275-7a316988d93b', displayName: 'Windows Sign In' },
  exoPowerShell: { appId: 'fb78d390-0c51-40cd-8e17-fdbfab77341b', displayName: 'Microsoft Exchange REST API Based Powershell' },
  flowPortal: { appId: '6204c1d1-4712-4c46-a7d9-3ed63d992682', displayName: 'Microsoft Flow Portal' },
  azureDevOps: { appId: '499b84ac-1321-427f-aa17-267ca6975798', displayName: 'Azure DevOps' },
} as const satisfies Record<string, FirstPartyApp>;

export const resources = {
  graph: { id: '00000003-0000-0000-c000-000000000000', name: 'Microsoft Graph' },
  exchange: { id: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online' },
  sharePoint: { id: '00000003-0000-0ff1-ce00-000000000000', name: 'Office 365 SharePoint Online' },
  arm: { id: '797f4846-ba00-4fd7-ba43-dac1f8f63013', name: 'Windows Azure Service Management API' },
  teamsServices: { id: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', name: 'Microsoft Teams Services' },
  azureDevOps: { id: '499b84ac-1321-427f-aa17-267ca6975798', name: 'Azure DevOps' },
  aadGraph: { id: '00000002-0000-0000-c000-000000000000', name: 'Windows Azure Active Directory' },
  flowService: { id: '7df0a125-d3be-4c96-aa54-591f83ff541c', name: 'Microsoft Flow Service' },
} as const;

export interface Place {
  city: string;
  state: string;
  country: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  /** Hours east of UTC used for working-hours shaping (standard time; close enough for volume). */
  utcOffset: number;
  asn: number;
}

/** Where the tenant's staff work: mostly the United Kingdom, a few abroad. */
export const homePlaces: readonly Place[] = [
  { city: 'London', state: 'England', country: 'GB', latitude: 51.5072, longitude: -0.1276, timeZone: 'GMT Standard Time', utcOffset: 0, asn: 64500 },
  { city: 'London', state: 'England', country: 'GB', latitude: 51.5072, longitude: -0.1276, timeZone: 'GMT Standard Time', utcOffset: 0, asn: 64501 },
  { city: 'Bristol', state: 'England', country: 'GB', latitude: 51.4545, longitude: -2.5879, timeZone: 'GMT Standard Time', utcOffset: 0, asn: 64502 },
  { city: 'Manchester', state: 'England', country: 'GB', latitude: 53.4808, longitude: -2.2426, timeZone: 'GMT Standard Time', utcOffset: 0, asn: 64500 },
  { city: 'Leeds', state: 'England', country: 'GB', latitude: 53.8008, longitude: -1.5491, timeZone: 'GMT Standard Time', utcOffset: 0, asn: 64503 },
  { city: 'Edinburgh', state: 'Scotland', country: 'GB', latitude: 55.9533, longitude: -3.1883, timeZone: 'GMT Standard Time', utcOffset: 0, asn: 64501 },
  { city: 'Toulouse', state: 'Occitanie', country: 'FR', latitude: 43.6047, longitude: 1.4442, timeZone: 'Romance Standard Time', utcOffset: 1, asn: 64510 },
  { city: 'Dublin', state: 'Leinster', country: 'IE', latitude: 53.3498, longitude: -6.2603, timeZone: 'GMT Standard Time', utcOffset: 0, asn: 64511 },
];

/** Places the intruder's infrastructure geolocates to. */
export const intruderPlaces = {
  sprayA: { city: 'Lagos', state: 'Lagos', country: 'NG', latitude: 6.5244, longitude: 3.3792, timeZone: 'W. Central Africa Standard Time', utcOffset: 1, asn: 64520 },
  sprayB: { city: 'Sao Paulo', state: 'Sao Paulo', country: 'BR', latitude: -23.5505, longitude: -46.6333, timeZone: 'E. South America Standard Time', utcOffset: -3, asn: 64521 },
  sprayC: { city: 'Hanoi', state: 'Hanoi', country: 'VN', latitude: 21.0278, longitude: 105.8342, timeZone: 'SE Asia Standard Time', utcOffset: 7, asn: 64522 },
  sprayD: { city: 'Ashburn', state: 'Virginia', country: 'US', latitude: 39.0438, longitude: -77.4874, timeZone: 'Eastern Standard Time', utcOffset: -5, asn: 64523 },
  operator: { city: 'Amsterdam', state: 'Noord-Holland', country: 'NL', latitude: 52.3676, longitude: 4.9041, timeZone: 'W. Europe Standard Time', utcOffset: 1, asn: 64530 },
} as const satisfies Record<string, Place>;

export const intruderIps = {
  sprayA: '203.0.113.17',
  sprayB: '203.0.113.45',
  sprayC: '203.0.113.88',
  sprayD: '203.0.113.120',
  operator: '203.0.113.201',
} as const;

export const givenNames = [
  'Alex', 'Sam', 'Jamie', 'Taylor', 'Robin', 'Morgan', 'Charlie', 'Drew', 'Elliot', 'Frankie', 'Harper', 'Jesse',
  'Kai', 'Logan', 'Max', 'Nico', 'Oakley', 'Parker', 'Quinn', 'Reese', 'Rowan', 'Sage', 'Skyler', 'Tatum',
  'Aisha', 'Bilal', 'Chloe', 'Dev', 'Esme', 'Farah', 'Gareth', 'Hana', 'Imran', 'Jade', 'Kiran', 'Lena',
  'Mei', 'Niamh', 'Omar', 'Priya', 'Rhys', 'Sian', 'Tomas', 'Uma', 'Viktor', 'Wren', 'Yusuf', 'Zara',
] as const;

export const surnames = [
  'Ashford', 'Barrow', 'Caldwell', 'Dunmore', 'Ellery', 'Fairley', 'Garside', 'Hollins', 'Iveson', 'Jarrow',
  'Kenwood', 'Lindqvist', 'Marlow', 'Northcote', 'Oakes', 'Pennock', 'Quarry', 'Radley', 'Stanmore', 'Thorne',
  'Underhill', 'Vance', 'Whitlock', 'Yardley', 'Abara', 'Bose', 'Chaudhry', 'Dimitrov', 'Eze', 'Fonseca',
  'Gallo', 'Haddad', 'Ito', 'Kowalczyk', 'Laine', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Rossi', 'Sato', 'Tanaka',
] as const;

export const departments = [
  ['Finance', ['Accountant', 'Financial Analyst', 'Payroll Officer', 'Accounts Payable Clerk']],
  ['Engineering', ['Software Engineer', 'Site Reliability Engineer', 'QA Engineer', 'Engineering Manager']],
  ['Operations', ['Operations Coordinator', 'Logistics Planner', 'Fleet Scheduler']],
  ['Sales', ['Account Executive', 'Sales Manager', 'Bid Manager']],
  ['People', ['HR Partner', 'Recruiter']],
  ['IT', ['Service Desk Analyst', 'Systems Administrator']],
] as const;

export interface ClientProfile {
  operatingSystem: string;
  browser: string;
  userAgent: string;
  trustType: string;
}

export const desktopClients: readonly ClientProfile[] = [
  {
    operatingSystem: 'Windows10', browser: 'Edge 131.0.0',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    trustType: 'Azure AD joined',
  },
  {
    operatingSystem: 'Windows10', browser: 'Chrome 131.0.0',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    trustType: 'Azure AD joined',
  },
  {
    operatingSystem: 'MacOs', browser: 'Safari 17.6',
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
    trustType: 'Azure AD registered',
  },
  {
    operatingSystem: 'MacOs', browser: 'Chrome 131.0.0',
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    trustType: 'Azure AD registered',
  },
];

export const mobileClients: readonly ClientProfile[] = [
  { operatingSystem: 'Ios', browser: 'Mobile Safari', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1', trustType: '' },
  { operatingSystem: 'Android', browser: 'Chrome Mobile 131.0.0', userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', trustType: '' },
];

export const clientStrings = {
  outlookDesktop: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18025; Pro)',
  outlookMobile: 'Outlook-iOS/2.0',
  oneDriveSync: 'Microsoft SkyDriveSync 24.201.1006.0005 ship; Windows NT 10.0 (19045)',
  teamsDesktop: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0 Teams/24295.606.3238.6194',
  azureCli: 'python/3.11.9 (Windows-10-10.0.19045-SP0) AZURECLI/2.67.0 (MSI)',
  azurePowerShell: 'AzurePowershell/v13.0.0 PSVersion/v7.4.6',
  terraform: 'HashiCorp Terraform/1.9.8 (+https://www.terraform.io) Terraform Plugin SDK/2.10.1 terraform-provider-azurerm/4.10.0',
  gitClient: 'git/2.47.0.windows.2 (Microsoft Windows NT 10.0.19045.0; Win32NT x64) CLR/4.0.30319 VstsTfsClient/19.235',
  intruderBrowser: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  spray: 'BAV2ROPC',
  pythonRequests: 'python-requests/2.32.3',
} as const;

/** Outlook/Exchange item client strings as written in ClientInfoString. */
export const mailClientInfo = {
  owa: 'Client=OWA;Action=ViaProxy',
  outlook: 'Client=MSExchangeRPC',
  rest: 'Client=REST;Client=RESTSystem;;',
  mobile: 'Client=OutlookService;Outlook-iOS/2.0;',
} as const;

export const documentWords = [
  'Budget', 'Forecast', 'Roadmap', 'Minutes', 'Proposal', 'Contract', 'Invoice', 'Timesheet', 'Handbook',
  'Inventory', 'Schedule', 'Report', 'Summary', 'Checklist', 'Design', 'Specification', 'Audit', 'Plan',
] as const;

export const documentTopics = [
  'Q1', 'Q2', 'Q3', 'Q4', 'Fleet', 'Hangar', 'Supplier', 'Customer', 'Board', 'Team', 'Project Falcon',
  'Project Kestrel', 'Maintenance', 'Training', 'Safety', 'Catering', 'Payroll',
] as const;

export const documentExtensions = ['docx', 'xlsx', 'pptx', 'pdf', 'docx', 'xlsx'] as const;

export const mailSubjects = [
  'Re: Weekly sync', 'Updated schedule', 'Invoice query', 'Re: Supplier onboarding', 'Minutes from today',
  'FW: Training dates', 'Lunch on Friday?', 'Re: Hangar booking', 'Quarterly numbers', 'Action items',
  'Re: Contract draft', 'Holiday cover', 'Re: Payment run', 'New starter', 'Safety bulletin',
] as const;

export const azureLocations = ['uksouth', 'ukwest', 'westeurope'] as const;
