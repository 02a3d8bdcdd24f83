/** Low-code and no-code: app builders, workflow automation and iPaaS, RPA, process mining, no-code AI builders. */
import { skillBuilder, type SkillDef } from './define.js';

const s = skillBuilder('lowcode');

export const LOWCODE_SKILLS: readonly SkillDef[] = [
  s('low-code', 'skill', 'low-code development', 'développement low-code', {
    enAliases: ['low-code', 'no-code', 'low code', 'no code', 'low-code platforms', 'no-code tools', 'low-code/no-code', 'LCNC'],
    frAliases: [
      'low-code',
      'no-code',
      'développement no-code',
      'plateformes low-code',
      'outils no-code',
      'développement sans code',
    ],
    related: { 'power-platform': 0.5, make: 0.5, 'process-automation': 0.4 },
  }),
  s('citizen-development', 'skill', 'citizen development', 'développement citoyen', {
    enAliases: ['citizen developer', 'citizen developers', 'citizen development programme'],
    frAliases: ['développeurs citoyens', 'développeur citoyen', 'développeuse citoyenne'],
    broader: 'low-code',
    related: { 'low-code': 0.5, 'low-code-governance': 0.4, 'power-platform': 0.4 },
  }),
  s('low-code-governance', 'skill', 'low-code governance', 'gouvernance du low-code', {
    enAliases: ['Power Platform Center of Excellence', 'low-code centre of excellence', 'no-code governance'],
    frAliases: ['centre d’excellence low-code', "centre d'excellence Power Platform", 'gouvernance no-code'],
    broader: 'low-code',
    related: { 'citizen-development': 0.4, 'power-platform': 0.4, 'data-governance': 0.2 },
  }),
  // --- Microsoft
  s('power-platform', 'tool', 'Microsoft Power Platform', 'Microsoft Power Platform', {
    names: [
      'Power Platform',
      'Microsoft Power Platform',
      'Power Apps',
      'PowerApps',
      'Power Automate',
      'Microsoft Flow',
      'Power Automate Desktop',
      'Canvas apps',
      'model-driven apps',
    ],
    broader: 'low-code',
    related: { 'low-code': 0.6, 'power-bi': 0.3, 'logic-apps': 0.6, make: 0.5, rpa: 0.4 },
  }),
  s('power-pages', 'tool', 'Power Pages', 'Power Pages', {
    names: ['Power Pages', 'Power Apps portals'],
    broader: 'power-platform',
    related: { 'power-platform': 0.6 },
  }),
  s('dataverse', 'tool', 'Microsoft Dataverse', 'Microsoft Dataverse', {
    names: ['Dataverse', 'Microsoft Dataverse', 'Common Data Service'],
    broader: 'power-platform',
    related: { 'power-platform': 0.5, 'dynamics-365': 0.5 },
  }),
  s('power-fx', 'tool', 'Power Fx', 'Power Fx', {
    names: ['Power Fx', 'PowerFx'],
    broader: 'power-platform',
    related: { 'power-platform': 0.6, excel: 0.3 },
  }),
  s('copilot-studio', 'tool', 'Microsoft Copilot Studio', 'Microsoft Copilot Studio', {
    names: ['Copilot Studio', 'Microsoft Copilot Studio', 'Power Virtual Agents'],
    broader: 'power-platform',
    related: { 'conversational-ai': 0.5, 'power-platform': 0.5, 'microsoft-copilot': 0.5 },
  }),
  s('sharepoint', 'tool', 'SharePoint', 'SharePoint', {
    names: ['SharePoint', 'SharePoint Online', 'SPFx'],
    related: { 'power-platform': 0.4, 'microsoft-365': 0.4 },
  }),
  s('logic-apps', 'tool', 'Azure Logic Apps', 'Azure Logic Apps', {
    names: ['Logic Apps', 'Azure Logic Apps'],
    broader: 'ipaas',
    related: { 'power-platform': 0.6, azure: 0.3 },
  }),
  s('power-platform-certifications', 'certification', 'Power Platform certifications', 'certifications Power Platform', {
    names: ['PL-900', 'PL-100', 'PL-200', 'PL-400', 'PL-600', 'Power Platform Functional Consultant', 'Power Platform Developer'],
    broader: 'power-platform',
    related: { 'power-platform': 0.7 },
  }),
  // --- Google, Salesforce, ServiceNow, SAP
  s('appsheet', 'tool', 'AppSheet', 'AppSheet', {
    names: ['AppSheet', 'Google AppSheet'],
    broader: 'low-code',
    related: { 'power-platform': 0.6, 'google-apps-script': 0.4 },
  }),
  s('google-apps-script', 'tool', 'Google Apps Script', 'Google Apps Script', {
    names: ['Google Apps Script', 'Apps Script', 'Google Sheets automation'],
    related: { javascript: 0.4, appsheet: 0.4, vba: 0.4 },
  }),
  s('salesforce-platform', 'tool', 'Salesforce platform', 'plateforme Salesforce', {
    names: ['Salesforce', 'Salesforce Platform', 'Salesforce Lightning', 'Lightning Web Components', 'Salesforce Apex', 'Force.com', 'Agentforce'],
    enAliases: ['Salesforce administration', 'Salesforce development'],
    frAliases: ['administration Salesforce', 'développement Salesforce'],
    related: { crm: 0.5, 'salesforce-flow': 0.6, mulesoft: 0.4 },
  }),
  s('salesforce-flow', 'tool', 'Salesforce Flow', 'Salesforce Flow', {
    names: ['Salesforce Flow', 'Flow Builder', 'Process Builder'],
    broader: 'salesforce-platform',
    related: { 'salesforce-platform': 0.6, 'power-platform': 0.5 },
  }),
  s('salesforce-certifications', 'certification', 'Salesforce certifications', 'certifications Salesforce', {
    names: ['Salesforce Certified Administrator', 'Salesforce Certified Platform Developer', 'Salesforce Certified Platform App Builder', 'Salesforce AI Associate'],
    broader: 'salesforce-platform',
    related: { 'salesforce-platform': 0.7 },
  }),
  s('servicenow', 'tool', 'ServiceNow', 'ServiceNow', {
    names: ['ServiceNow', 'ServiceNow App Engine', 'ServiceNow ITSM', 'Now Platform'],
    enAliases: ['ServiceNow development', 'ServiceNow administration'],
    frAliases: ['développement ServiceNow', 'administration ServiceNow'],
    related: { 'it-service-management': 0.5, 'low-code': 0.4, 'process-automation': 0.3 },
  }),
  s('sap-build', 'tool', 'SAP Build', 'SAP Build', {
    names: ['SAP Build', 'SAP Build Apps', 'SAP Build Process Automation', 'SAP AppGyver'],
    broader: 'low-code',
    related: { sap: 0.4, 'power-platform': 0.4 },
  }),
  s('oracle-apex', 'tool', 'Oracle APEX', 'Oracle APEX', {
    names: ['Oracle APEX', 'Oracle Application Express'],
    broader: 'low-code',
    related: { 'oracle-database': 0.4, sql: 0.3 },
  }),
  // --- Enterprise low-code application platforms
  s('outsystems', 'tool', 'OutSystems', 'OutSystems', {
    names: ['OutSystems'],
    broader: 'low-code',
    related: { mendix: 0.7, appian: 0.5, 'power-platform': 0.5 },
  }),
  s('mendix', 'tool', 'Mendix', 'Mendix', {
    names: ['Mendix'],
    broader: 'low-code',
    related: { outsystems: 0.7, 'power-platform': 0.5 },
  }),
  s('appian', 'tool', 'Appian', 'Appian', {
    names: ['Appian'],
    broader: 'low-code',
    related: { pega: 0.6, outsystems: 0.5, bpm: 0.4 },
  }),
  s('pega', 'tool', 'Pega', 'Pega', {
    names: ['Pega', 'Pegasystems', 'Pega Platform', 'Pega CSA', 'Pega CSSA'],
    broader: 'low-code',
    related: { appian: 0.6, bpm: 0.4 },
  }),
  s('retool', 'tool', 'Retool', 'Retool', {
    names: ['Retool', 'Appsmith', 'Budibase', 'ToolJet'],
    broader: 'low-code',
    related: { 'power-platform': 0.4, sql: 0.3 },
  }),
  s('zoho-creator', 'tool', 'Zoho Creator and other app builders', "Zoho Creator et autres générateurs d'applications", {
    names: ['Zoho Creator', 'Quickbase', 'Caspio', 'Kissflow'],
    broader: 'low-code',
    related: { appsheet: 0.5, 'power-platform': 0.4 },
  }),
  // --- No-code web and app builders
  s('bubble', 'tool', 'Bubble', 'Bubble', {
    names: ['Bubble', 'Bubble.io'],
    enAliases: ['Bubble no-code'],
    frAliases: ['Bubble no-code'],
    ambiguous: true,
    broader: 'low-code',
    related: { 'low-code': 0.5, flutterflow: 0.5, weweb: 0.5 },
  }),
  s('webflow', 'tool', 'Webflow', 'Webflow', {
    names: ['Webflow', 'Framer'],
    broader: 'low-code',
    related: { wordpress: 0.5, bubble: 0.4 },
  }),
  s('wordpress', 'tool', 'WordPress', 'WordPress', {
    names: ['WordPress', 'WooCommerce', 'Elementor'],
    related: { webflow: 0.5, php: 0.3, drupal: 0.5 },
    esco: 'http://data.europa.eu/esco/skill/6d289e8b-2cc1-4eda-ab1f-ad1090ef98f0',
  }),
  s('drupal', 'tool', 'Drupal', 'Drupal', {
    names: ['Drupal', 'Joomla', 'Typo3'],
    related: { wordpress: 0.5, php: 0.4 },
    esco: 'http://data.europa.eu/esco/skill/1de3942b-99d8-41e8-9ef0-fbc9e9f6307b',
  }),
  s('flutterflow', 'tool', 'FlutterFlow', 'FlutterFlow', {
    names: ['FlutterFlow', 'Adalo', 'Thunkable', 'Draftbit'],
    broader: 'low-code',
    related: { bubble: 0.5, flutter: 0.4 },
  }),
  s('glide', 'tool', 'Glide and Softr', 'Glide et Softr', {
    names: ['Glide', 'Glide Apps', 'Softr', 'Noloco'],
    ambiguous: true,
    broader: 'low-code',
    related: { airtable: 0.5, bubble: 0.4 },
  }),
  s('weweb', 'tool', 'WeWeb', 'WeWeb', {
    names: ['WeWeb'],
    broader: 'low-code',
    related: { bubble: 0.5, xano: 0.5 },
  }),
  s('xano', 'tool', 'no-code back ends', 'back-ends no-code', {
    names: ['Xano', 'Supabase', 'Firebase', 'Backendless'],
    enAliases: ['backend as a service', 'no-code backend'],
    frAliases: ['backend no-code', 'backend as a service'],
    related: { weweb: 0.5, flutterflow: 0.4, 'api-design': 0.3 },
  }),
  // --- No-code data and work management
  s('airtable', 'tool', 'Airtable', 'Airtable', {
    names: ['Airtable', 'NocoDB', 'Baserow'],
    broader: 'low-code',
    related: { glide: 0.5, make: 0.4, 'google-sheets': 0.5 },
  }),
  s('google-sheets', 'tool', 'Google Sheets', 'Google Sheets', {
    names: ['Google Sheets', 'Google Spreadsheets'],
    frAliases: ['tableur Google'],
    related: { excel: 0.6, 'google-apps-script': 0.4, airtable: 0.4 },
  }),
  s('work-management-tools', 'tool', 'work management platforms', 'plateformes de gestion du travail', {
    names: ['monday.com', 'Smartsheet', 'ClickUp', 'Asana', 'Notion.so', 'Trello', 'Wrike'],
    enAliases: ['work management tools', 'collaborative work management'],
    frAliases: ['outils de gestion de projet collaboratifs', 'gestion du travail collaboratif'],
    related: { 'project-management': 0.3, airtable: 0.4 },
  }),
  s('forms-and-esign', 'tool', 'no-code forms', 'formulaires no-code', {
    names: ['Typeform', 'Jotform', 'Tally forms', 'Microsoft Forms', 'Google Forms', 'Tripetto'],
    enAliases: ['online forms', 'form builders'],
    frAliases: ['formulaires en ligne', 'générateurs de formulaires'],
    related: { make: 0.3, zapier: 0.3 },
  }),
  // --- Workflow automation and iPaaS
  s('process-automation', 'skill', 'business process automation', 'automatisation des processus', {
    names: ['BPA'],
    enAliases: ['workflow automation', 'process automation', 'business process automation', 'automated workflows'],
    frAliases: [
      'automatisation de processus',
      'automatisation des workflows',
      'automatisation des processus métier',
      'automatisation de workflows',
      'workflows automatisés',
    ],
    related: { rpa: 0.5, 'low-code': 0.5, bpm: 0.4 },
  }),
  s('make', 'tool', 'Make', 'Make', {
    names: ['Make', 'Integromat', 'make.com', 'Make.com'],
    enAliases: ['Make scenarios', 'Make (Integromat)'],
    frAliases: ['scénarios Make'],
    ambiguous: true,
    broader: 'low-code',
    related: { zapier: 0.7, n8n: 0.7 },
  }),
  s('zapier', 'tool', 'Zapier', 'Zapier', {
    names: ['Zapier', 'Zaps'],
    broader: 'low-code',
    related: { make: 0.7, n8n: 0.7 },
  }),
  s('n8n', 'tool', 'n8n', 'n8n', {
    names: ['n8n', 'n8n.io'],
    broader: 'low-code',
    related: { make: 0.7, zapier: 0.7, 'ai-agents': 0.3 },
  }),
  s('activepieces', 'tool', 'open-source automation tools', "outils d'automatisation open source", {
    names: ['Activepieces', 'Windmill.dev', 'Pipedream', 'Huginn', 'IFTTT'],
    broader: 'low-code',
    related: { n8n: 0.6, make: 0.5 },
  }),
  s('node-red', 'tool', 'Node-RED', 'Node-RED', {
    names: ['Node-RED', 'NodeRED'],
    broader: 'low-code',
    related: { iot: 0.4, n8n: 0.5 },
  }),
  s('ipaas', 'skill', 'integration platform as a service', 'plateformes d’intégration (iPaaS)', {
    names: ['iPaaS'],
    enAliases: ['integration platform as a service', 'integration platforms', 'SaaS integration'],
    frAliases: ["plateforme d'intégration", 'plateformes d’intégration', 'intégration SaaS'],
    related: { mulesoft: 0.6, 'api-management': 0.4, 'integration-architecture': 0.4 },
  }),
  s('mulesoft', 'tool', 'MuleSoft', 'MuleSoft', {
    names: ['MuleSoft', 'Mule ESB', 'Anypoint Platform', 'DataWeave'],
    broader: 'ipaas',
    related: { boomi: 0.7, 'api-management': 0.5, workato: 0.6 },
  }),
  s('boomi', 'tool', 'Boomi', 'Boomi', {
    names: ['Boomi', 'Dell Boomi', 'SAP Integration Suite', 'SAP CPI', 'TIBCO', 'webMethods'],
    broader: 'ipaas',
    related: { mulesoft: 0.7, workato: 0.6 },
  }),
  s('workato', 'tool', 'Workato', 'Workato', {
    names: ['Workato', 'Tray.io', 'Celigo', 'Jitterbit'],
    broader: 'ipaas',
    related: { mulesoft: 0.6, zapier: 0.5 },
  }),
  // --- RPA, BPM and process mining
  s('rpa', 'skill', 'robotic process automation', 'automatisation robotisée des processus', {
    names: ['RPA'],
    enAliases: ['robotic process automation', 'software robots', 'bots RPA'],
    frAliases: ['automatisation robotique des processus', 'robots logiciels', 'robotisation des processus'],
    broader: 'process-automation',
    related: { 'process-automation': 0.6, uipath: 0.6 },
  }),
  s('uipath', 'tool', 'UiPath', 'UiPath', {
    names: ['UiPath', 'UiPath Studio', 'UiPath Orchestrator'],
    broader: 'rpa',
    related: { 'blue-prism': 0.7, 'automation-anywhere': 0.7 },
  }),
  s('blue-prism', 'tool', 'Blue Prism', 'Blue Prism', {
    names: ['Blue Prism', 'SS&C Blue Prism'],
    broader: 'rpa',
    related: { uipath: 0.7, 'automation-anywhere': 0.7 },
  }),
  s('automation-anywhere', 'tool', 'Automation Anywhere', 'Automation Anywhere', {
    names: ['Automation Anywhere', 'A360'],
    broader: 'rpa',
    related: { uipath: 0.7, 'blue-prism': 0.7 },
  }),
  s('rpa-certifications', 'certification', 'RPA certifications', 'certifications RPA', {
    names: ['UiPath Certified', 'UiPath Certified Professional', 'UiARD', 'Blue Prism Developer certification', 'Automation Anywhere Certified'],
    broader: 'rpa',
    related: { uipath: 0.7, rpa: 0.6 },
  }),
  s('intelligent-automation', 'skill', 'intelligent automation', 'automatisation intelligente', {
    enAliases: ['hyperautomation', 'intelligent process automation', 'AI-powered automation', 'agentic automation'],
    frAliases: ['hyperautomatisation', 'automatisation intelligente des processus', "automatisation par l'IA"],
    broader: 'process-automation',
    related: { rpa: 0.5, 'ai-agents': 0.4, 'document-ai': 0.4 },
  }),
  s('bpm', 'skill', 'business process management', 'gestion des processus métier', {
    names: ['BPM', 'BPMN', 'BPMN 2.0', 'DMN'],
    enAliases: ['business process management', 'process modelling', 'process modeling', 'business process modelling'],
    frAliases: ['modélisation des processus', 'cartographie des processus', 'modélisation BPMN', 'gestion des processus'],
    related: { 'process-automation': 0.5, camunda: 0.5, 'business-analysis': 0.4 },
  }),
  s('camunda', 'tool', 'Camunda', 'Camunda', {
    names: ['Camunda', 'Camunda 8', 'Zeebe', 'Flowable', 'Activiti'],
    broader: 'bpm',
    related: { bpm: 0.6, bonita: 0.6, java: 0.3 },
  }),
  s('bonita', 'tool', 'Bonita', 'Bonita', {
    names: ['Bonita', 'Bonitasoft', 'Bonita BPM'],
    ambiguous: true,
    broader: 'bpm',
    related: { camunda: 0.6, bpm: 0.6 },
  }),
  s('process-mining', 'skill', 'process mining', 'process mining', {
    names: ['Celonis', 'Signavio', 'SAP Signavio', 'UiPath Process Mining', 'Fluxicon Disco'],
    enAliases: ['process mining', 'task mining', 'process discovery'],
    frAliases: ['fouille de processus', 'exploration de processus', 'découverte de processus'],
    related: { bpm: 0.5, 'process-automation': 0.4, 'data-analysis': 0.3 },
  }),
  // --- No-code AI builders
  s('no-code-ai-builders', 'tool', 'no-code AI app builders', "générateurs d'applications IA no-code", {
    names: ['Dify', 'Flowise', 'Langflow', 'Stack AI', 'Relevance AI', 'Botpress', 'Voiceflow'],
    enAliases: ['no-code AI', 'low-code AI', 'no-code chatbot builders', 'visual LLM app builders'],
    frAliases: ['IA no-code', 'IA low-code', 'création de chatbots sans code'],
    related: { 'low-code': 0.4, 'ai-agents': 0.4, rag: 0.3, 'copilot-studio': 0.5 },
  }),
  s('custom-gpts', 'tool', 'custom GPTs and assistants', 'GPTs personnalisés et assistants', {
    names: ['custom GPTs', 'OpenAI GPTs', 'OpenAI Assistants API', 'Gemini Gems', 'Mistral Agents'],
    enAliases: ['custom ChatGPT assistants', 'GPT builder'],
    frAliases: ['GPT personnalisés', 'assistants ChatGPT personnalisés'],
    related: { 'prompt-engineering': 0.4, 'openai-api': 0.4, 'no-code-ai-builders': 0.5 },
  }),
  s('ai-builder', 'tool', 'AI Builder (Power Platform)', 'AI Builder (Power Platform)', {
    names: ['AI Builder', 'Power Platform AI Builder'],
    broader: 'power-platform',
    related: { 'document-ai': 0.4, 'power-platform': 0.5 },
  }),
  s('email-automation', 'tool', 'marketing and email automation tools', "outils d'automatisation marketing et e-mail", {
    names: ['Brevo', 'Sendinblue', 'Mailchimp', 'lemlist', 'ActiveCampaign'],
    enAliases: ['email automation', 'email marketing automation'],
    frAliases: ['automatisation des e-mails', 'emailing automatisé'],
    related: { 'marketing-automation': 0.6, zapier: 0.3 },
  }),
  s('chatbot-builders', 'tool', 'chatbot builders for customer service', 'plateformes de chatbots pour la relation client', {
    names: ['Intercom Fin', 'Zendesk AI', 'Tidio', 'Landbot', 'ManyChat', 'Yelda'],
    enAliases: ['customer service chatbots', 'chatbot platforms'],
    frAliases: ['chatbots de relation client', 'plateformes de chatbot'],
    related: { 'conversational-ai': 0.5, 'customer-service': 0.3, 'no-code-ai-builders': 0.4 },
  }),
  s('document-generation', 'tool', 'document generation and e-signature automation', 'génération de documents et signature automatisée', {
    names: ['PandaDoc', 'Docusign CLM', 'Conga CLM', 'Documint', 'Carbone.io'],
    enAliases: ['document automation', 'document generation'],
    frAliases: ['automatisation documentaire', 'génération de documents'],
    related: { 'contract-management': 0.3, make: 0.3 },
  }),
];
