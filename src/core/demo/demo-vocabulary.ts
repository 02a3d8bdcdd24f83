/**
 * Vocabulary of the generated demo: first and last names common in France and Europe, cities, industries
 * and functions in both languages, fictional client organizations, roles and project archetypes. Written
 * for Vivier (Apache-2.0); no real person or organization is described.
 */
import type { Archetype, BusinessFunction, Industry } from '../model.js';

export const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Sarah',
  'Julie',
  'Emma',
  'Clara',
  'Alice',
  'Louise',
  'Anaïs',
  'Hugo',
  'Lucas',
  'Thomas',
  'Nicolas',
  'Julien',
  'Maxime',
  'Antoine',
  'Yanis',
  'Karim',
  'Mehdi',
  'Paul',
  'Arthur',
  'Sofia',
  'Giulia',
  'Marta',
  'Anna',
  'Eva',
  'Lena',
  'Pablo',
  'Marco',
  'Luca',
  'Jan',
  'Lukas',
  'Tomasz',
  'Nuno',
  'Aurélie',
  'Stéphane',
  'Sébastien',
  'Amandine',
  'Fatima',
  'Moussa',
  'Awa',
  'Hélène',
  'François',
  'Céline',
  'Bruno',
  'Mathilde',
  'Romain',
  'Pauline',
  'Baptiste',
  'Élodie',
  'Quentin',
  'Margaux',
  'Adrien',
  'Nadia',
  'Samir',
  'Yasmine',
  'Ibrahima',
  'Océane',
  'Florian',
  'Agathe',
  'Théo',
  'Lina',
  'Jonas',
  'Elena',
  'Matteo',
  'Sophie',
  'Pierre',
  'Marie',
  'Jean',
  'Isabelle',
  'Olivier',
  'Nathalie',
  'Vincent',
  'Laura',
  'Ana',
  'Joana',
  'Piotr',
  'Katarzyna',
  'Ingrid',
  'Sven',
  'Aoife',
  'Niamh',
  'Dimitri',
  'Eleni',
  'Zofia',
];

export const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'Andre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Benali',
  'Haddad',
  'Diallo',
  'Nguyen',
  'Rossi',
  'Bianchi',
  'Müller',
  'Schmidt',
  'Kowalski',
  'Novak',
  'Silva',
  'Santos',
  'Fernández',
  'Janssens',
  'Peeters',
  'De Vries',
  'Jansen',
  'Lindqvist',
  'Nielsen',
  'Horvat',
  'Popescu',
  'Blanc',
  'Guerin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clement',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Faure',
  'Rousseau',
  'Ferrari',
  'Romano',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Lewandowski',
  'Wójcik',
  'Pereira',
  'Costa',
  'Van den Berg',
  'Dupuis',
  'Claes',
  'Eriksson',
  'Hansen',
  "O'Brien",
  'Murphy',
  'Papadopoulos',
  'Dvořák',
  'Kovács',
  'Ionescu',
];

export const CITIES = [
  'Paris',
  'Lyon',
  'Marseille',
  'Toulouse',
  'Nantes',
  'Lille',
  'Bordeaux',
  'Rennes',
  'Strasbourg',
  'Grenoble',
  'Nice',
  'Montpellier',
  'Bruxelles',
  'Genève',
  'Luxembourg',
  'Barcelone',
  'Milan',
  'Berlin',
  'Amsterdam',
  'Lisbonne',
];

export interface Labels {
  en: string;
  fr: string;
}

export const INDUSTRY_LABELS: Record<Industry, Labels> = {
  banking: { en: 'banking', fr: 'banque' },
  insurance: { en: 'insurance', fr: 'assurance' },
  retail: { en: 'retail', fr: 'distribution' },
  manufacturing: { en: 'manufacturing', fr: 'industrie manufacturière' },
  energy: { en: 'energy', fr: 'énergie' },
  healthcare: { en: 'healthcare', fr: 'santé' },
  'public-sector': { en: 'public sector', fr: 'secteur public' },
  telecom: { en: 'telecommunications', fr: 'télécommunications' },
  transport: { en: 'transport and logistics', fr: 'transport et logistique' },
  media: { en: 'media', fr: 'médias' },
};

export const FUNCTION_LABELS: Record<BusinessFunction, Labels> = {
  'customer-service': { en: 'customer service', fr: 'service client' },
  finance: { en: 'finance', fr: 'finance' },
  hr: { en: 'human resources', fr: 'ressources humaines' },
  marketing: { en: 'marketing', fr: 'marketing' },
  sales: { en: 'sales', fr: 'ventes' },
  operations: { en: 'operations', fr: 'opérations' },
  'supply-chain': { en: 'supply chain', fr: 'supply chain' },
  legal: { en: 'legal', fr: 'juridique' },
  it: { en: 'IT', fr: 'DSI' },
  'r-and-d': { en: 'R&D', fr: 'R&D' },
};

/** Fictional client organizations, per industry (freelance missions name them). */
export const CLIENTS: Record<Industry, string[]> = {
  banking: ['Banque Hexagone', 'Crédit des Alpes', 'Caisse Atlantique', 'Banca Aurora'],
  insurance: ['Mutuelle Horizon', 'Assurances du Rhône', 'Prévoyance Azur', 'Versicherung Nordlicht'],
  retail: ['Maison Durand Distribution', 'Marché Central', 'Boutiques Lumière', 'Tienda Sol'],
  manufacturing: ['Ateliers Vercors', 'Forges de Loire', 'Composants Alsace', 'Werke Rheintal'],
  energy: ['Énergies du Littoral', 'Réseau Électrique Sud', 'Hydro Jura', 'Vento Energia'],
  healthcare: ['CHU Val-de-Seine', 'Clinique des Cèdres', 'Laboratoires Orion', 'Santé Plus Mutuelle'],
  'public-sector': [
    'Agence Numérique Régionale',
    'Métropole Rives',
    'Caisse Nationale Démo',
    'Ville de Beaulieu',
  ],
  telecom: ['Télécom Hexa', 'Fibre Ouest', 'Ondes Mobiles', 'NordNet Telekom'],
  transport: ['Rail Express Régional', 'Logistique Garonne', 'Aéroports du Centre', 'Fret Baltique'],
  media: ['Groupe Presse Liberté', 'Radio Horizon', 'Studio Lumen', 'Editora Vértice'],
};

/** The demo company's own name, for employees' internal missions. */
export const DEMO_COMPANY = 'Groupe Vivier Démo';

/** Named data sources, per industry. */
export const DATA_SOURCES: Record<Industry, string[]> = {
  banking: ['core banking', 'KYC files', 'transaction history', 'CRM', 'credit scoring data'],
  insurance: ['claims database', 'policy administration system', 'customer emails', 'actuarial tables'],
  retail: ['point-of-sale data', 'e-commerce logs', 'loyalty programme', 'product catalogue'],
  manufacturing: ['MES', 'IoT sensor data', 'ERP', 'maintenance logs', 'quality reports'],
  energy: ['smart meter data', 'SCADA', 'grid telemetry', 'customer billing'],
  healthcare: ['electronic health records', 'PACS imaging', 'appointment system', 'lab results'],
  'public-sector': ['citizen requests', 'case management system', 'open data portal', 'archives'],
  telecom: ['network logs', 'CDR', 'customer tickets', 'billing system'],
  transport: ['TMS', 'GPS tracking', 'ticketing data', 'timetables'],
  media: ['content archive', 'audience analytics', 'subscriber CRM', 'ad server logs'],
};

/** A measurable business outcome per function, in both languages ({n} is a percentage). */
export const OUTCOMES_BY_FUNCTION: Record<BusinessFunction, Labels> = {
  'customer-service': {
    en: 'cut average handling time of customer requests by {n} %',
    fr: 'réduire de {n} % le temps moyen de traitement des demandes clients',
  },
  finance: {
    en: 'reduce month-end closing time by {n} %',
    fr: 'réduire de {n} % le délai de clôture mensuelle',
  },
  hr: {
    en: 'cut time-to-hire by {n} % and answer employee questions within a day',
    fr: 'réduire de {n} % le délai de recrutement et répondre aux collaborateurs sous un jour',
  },
  marketing: {
    en: 'raise campaign conversion by {n} %',
    fr: 'augmenter de {n} % la conversion des campagnes',
  },
  sales: {
    en: 'raise proposal win rate by {n} %',
    fr: 'augmenter de {n} % le taux de transformation des propositions',
  },
  operations: {
    en: 'reduce processing cost per case by {n} %',
    fr: 'réduire de {n} % le coût de traitement par dossier',
  },
  'supply-chain': {
    en: 'cut stock-outs by {n} % and forecast error by a third',
    fr: 'réduire de {n} % les ruptures de stock et d’un tiers l’erreur de prévision',
  },
  legal: {
    en: 'review standard contracts {n} % faster',
    fr: 'analyser les contrats types {n} % plus vite',
  },
  it: {
    en: 'resolve {n} % of level-1 IT tickets without an agent',
    fr: 'résoudre {n} % des tickets informatiques de niveau 1 sans agent',
  },
  'r-and-d': {
    en: 'shorten literature and patent reviews by {n} %',
    fr: 'raccourcir de {n} % les revues de littérature et de brevets',
  },
};

/** The person who owns the business process, per function. */
export const PROCESS_OWNER_TITLES: Record<BusinessFunction, Labels> = {
  'customer-service': { en: 'Head of customer service', fr: 'Directeur·rice du service client' },
  finance: { en: 'Chief financial officer', fr: 'Directeur·rice financier·e' },
  hr: { en: 'HR director', fr: 'DRH' },
  marketing: { en: 'Marketing director', fr: 'Directeur·rice marketing' },
  sales: { en: 'Sales director', fr: 'Directeur·rice commercial·e' },
  operations: { en: 'Head of operations', fr: 'Directeur·rice des opérations' },
  'supply-chain': { en: 'Supply chain director', fr: 'Directeur·rice supply chain' },
  legal: { en: 'General counsel', fr: 'Directeur·rice juridique' },
  it: { en: 'IT service manager', fr: 'Responsable des services informatiques' },
  'r-and-d': { en: 'R&D director', fr: 'Directeur·rice R&D' },
};

export const SECURITY_OWNER_TITLES: Labels[] = [
  { en: 'CISO', fr: 'RSSI' },
  { en: 'Data protection officer', fr: 'DPO' },
  { en: 'Head of risk and compliance', fr: 'Responsable risques et conformité' },
];

/** Certificates named as evidence, per skill (a generic one otherwise). */
export const CERTIFICATIONS: Record<string, string> = {
  aws: 'AWS Certified Solutions Architect – Associate',
  azure: 'Microsoft Certified: Azure Solutions Architect Expert',
  gcp: 'Google Cloud Professional Cloud Architect',
  kubernetes: 'Certified Kubernetes Administrator (CKA)',
  terraform: 'HashiCorp Certified: Terraform Associate',
  'iso-27001': 'ISO/IEC 27001 Lead Implementer',
  cybersecurity: 'CISSP',
  'cloud-security': 'CCSP',
  gdpr: 'CIPP/E',
  dpo: 'Certification DPO (CNIL)',
  'power-platform': 'Microsoft Certified: Power Platform Developer Associate',
  databricks: 'Databricks Certified Data Engineer Associate',
  snowflake: 'SnowPro Core',
  'project-management': 'PMP',
  agile: 'Professional Scrum Master I',
};

export interface RoleTemplate {
  id: string;
  title: Labels;
  /** Skills every holder of the role has. */
  core: string[];
  /** Skills a holder may also have. */
  optional: string[];
  /** Relative frequency (integers: a deck of cards) among employees and among freelancers. */
  employeeShare: number;
  freelanceShare: number;
  /** Typical daily cost in euros. */
  dailyCost: number;
}

/**
 * The roles of the pool. Employees lean to analysts, software engineers and generative-AI profiles;
 * cloud, security and data architecture are thin inside and found more among freelancers (the article).
 */
export const ROLES: RoleTemplate[] = [
  {
    id: 'data-engineer',
    title: { en: 'Data engineer', fr: 'Ingénieur·e data' },
    core: ['python', 'sql', 'data-engineering'],
    optional: [
      'spark',
      'airflow',
      'dbt',
      'kafka',
      'databricks',
      'snowflake',
      'aws',
      'docker',
      'data-quality',
      'data-modeling',
      'data-warehouse',
      'data-architecture',
      'git',
    ],
    employeeShare: 3,
    freelanceShare: 8,
    dailyCost: 600,
  },
  {
    id: 'data-scientist',
    title: { en: 'Data scientist', fr: 'Data scientist' },
    core: ['python', 'machine-learning', 'statistics'],
    optional: [
      'scikit-learn',
      'pandas',
      'deep-learning',
      'forecasting',
      'sql',
      'nlp',
      'data-visualization',
      'generative-ai',
      'llm',
      'document-ai',
    ],
    employeeShare: 6,
    freelanceShare: 4,
    dailyCost: 620,
  },
  {
    id: 'ml-engineer',
    title: { en: 'ML engineer', fr: 'Ingénieur·e machine learning' },
    core: ['python', 'machine-learning', 'mlops'],
    optional: ['pytorch', 'docker', 'deep-learning', 'aws', 'gcp', 'llmops', 'git', 'devops'],
    employeeShare: 2,
    freelanceShare: 4,
    dailyCost: 700,
  },
  {
    id: 'genai-engineer',
    title: { en: 'GenAI engineer', fr: 'Ingénieur·e IA générative' },
    core: ['llm', 'python', 'prompt-engineering', 'rag'],
    optional: [
      'generative-ai',
      'embeddings',
      'vector-database',
      'langchain',
      'openai-api',
      'mistral',
      'llama',
      'open-weight-llm',
      'llm-fine-tuning',
      'llm-evaluation',
      'ai-agents',
      'hugging-face',
      'nlp',
      'document-ai',
    ],
    employeeShare: 8,
    freelanceShare: 5,
    dailyCost: 800,
  },
  {
    id: 'data-analyst',
    title: { en: 'Data analyst', fr: 'Data analyst' },
    core: ['sql', 'data-visualization'],
    optional: [
      'power-bi',
      'tableau',
      'excel',
      'python',
      'business-intelligence',
      'statistics',
      'generative-ai',
    ],
    employeeShare: 7,
    freelanceShare: 2,
    dailyCost: 480,
  },
  {
    id: 'cloud-architect',
    title: { en: 'Cloud architect', fr: 'Architecte cloud' },
    core: ['cloud-architecture', 'cloud-computing'],
    optional: [
      'aws',
      'azure',
      'gcp',
      'ovhcloud',
      'scaleway',
      'terraform',
      'kubernetes',
      'finops',
      'cloud-security',
      'iam',
    ],
    employeeShare: 1,
    freelanceShare: 3,
    dailyCost: 850,
  },
  {
    id: 'devops-engineer',
    title: { en: 'DevOps engineer', fr: 'Ingénieur·e DevOps' },
    core: ['devops', 'docker', 'linux'],
    optional: ['kubernetes', 'terraform', 'aws', 'azure', 'git', 'python', 'cloud-computing'],
    employeeShare: 2,
    freelanceShare: 3,
    dailyCost: 650,
  },
  {
    id: 'security-engineer',
    title: { en: 'Security engineer', fr: 'Ingénieur·e sécurité' },
    core: ['cybersecurity'],
    optional: [
      'iam',
      'appsec',
      'cloud-security',
      'soc',
      'pentest',
      'cryptography',
      'iso-27001',
      'ai-security',
    ],
    employeeShare: 1,
    freelanceShare: 4,
    dailyCost: 750,
  },
  {
    id: 'dpo',
    title: { en: 'Data protection officer', fr: 'Délégué·e à la protection des données' },
    core: ['gdpr', 'dpo'],
    optional: ['compliance', 'risk-management', 'data-governance', 'ai-act'],
    employeeShare: 2,
    freelanceShare: 2,
    dailyCost: 700,
  },
  {
    id: 'compliance-lead',
    title: { en: 'Governance and compliance lead', fr: 'Responsable conformité' },
    core: ['compliance', 'risk-management'],
    optional: ['gdpr', 'dora', 'nis2', 'model-risk', 'ai-act', 'ai-governance'],
    employeeShare: 4,
    freelanceShare: 2,
    dailyCost: 720,
  },
  {
    id: 'low-code-developer',
    title: { en: 'Low-code developer', fr: 'Développeur·se low-code' },
    core: ['low-code', 'process-automation'],
    optional: ['power-platform', 'make', 'zapier', 'n8n', 'bubble', 'rpa'],
    employeeShare: 4,
    freelanceShare: 3,
    dailyCost: 500,
  },
  {
    id: 'software-engineer',
    title: { en: 'Software engineer', fr: 'Ingénieur·e logiciel' },
    core: ['git', 'api-design'],
    optional: [
      'java',
      'typescript',
      'javascript',
      'python',
      'react',
      'golang',
      'csharp',
      'software-testing',
      'software-architecture',
      'docker',
      'openai-api',
    ],
    employeeShare: 9,
    freelanceShare: 5,
    dailyCost: 550,
  },
  {
    id: 'ai-product-owner',
    title: { en: 'AI product owner', fr: 'Product owner IA' },
    core: ['product-management', 'agile'],
    optional: ['business-analysis', 'generative-ai', 'ux-design', 'change-management', 'prompt-engineering'],
    employeeShare: 3,
    freelanceShare: 2,
    dailyCost: 650,
  },
  {
    id: 'project-manager',
    title: { en: 'Project manager', fr: 'Chef·fe de projet' },
    core: ['project-management'],
    optional: ['agile', 'change-management', 'business-analysis', 'training'],
    employeeShare: 3,
    freelanceShare: 2,
    dailyCost: 600,
  },
];

export interface ArchetypeTemplate {
  archetype: Archetype;
  name: Labels;
  /** What the project builds, for the brief ("an assistant that answers … from …"). */
  what: Labels;
  must: string[];
  nice: string[];
  /** Project roles (ids of ROLES) with headcount ranges. */
  team: { role: string; min: number; max: number }[];
}

export const ARCHETYPE_TEMPLATES: ArchetypeTemplate[] = [
  {
    archetype: 'assistant-rag',
    name: { en: 'Knowledge assistant', fr: 'Assistant documentaire' },
    what: {
      en: 'an assistant that answers questions from internal documents',
      fr: 'un assistant qui répond aux questions à partir des documents internes',
    },
    must: ['llm', 'rag', 'python'],
    nice: [
      'embeddings',
      'vector-database',
      'llm-evaluation',
      'prompt-engineering',
      'langchain',
      'openai-api',
    ],
    team: [
      { role: 'genai-engineer', min: 1, max: 2 },
      { role: 'data-engineer', min: 1, max: 1 },
      { role: 'ai-product-owner', min: 0, max: 1 },
    ],
  },
  {
    archetype: 'document-processing',
    name: { en: 'Document processing', fr: 'Traitement de documents' },
    what: {
      en: 'automatic reading, classification and extraction of incoming documents',
      fr: 'la lecture, le classement et l’extraction automatiques des documents entrants',
    },
    must: ['document-ai', 'python'],
    nice: ['nlp', 'llm', 'computer-vision', 'data-engineering', 'azure', 'data-quality'],
    team: [
      { role: 'data-scientist', min: 1, max: 2 },
      { role: 'data-engineer', min: 1, max: 1 },
      { role: 'software-engineer', min: 0, max: 1 },
    ],
  },
  {
    archetype: 'prediction',
    name: { en: 'Prediction model', fr: 'Modèle prédictif' },
    what: {
      en: 'a prediction model in daily use by the business',
      fr: 'un modèle prédictif utilisé au quotidien par le métier',
    },
    must: ['machine-learning', 'data-engineering'],
    nice: ['forecasting', 'sql', 'mlops', 'data-quality', 'data-visualization', 'aws', 'spark'],
    team: [
      { role: 'data-scientist', min: 1, max: 2 },
      { role: 'data-engineer', min: 1, max: 2 },
      { role: 'ml-engineer', min: 0, max: 1 },
    ],
  },
  {
    archetype: 'agents',
    name: { en: 'AI agents', fr: 'Agents IA' },
    what: {
      en: 'AI agents that carry out routine tasks across business applications',
      fr: 'des agents IA qui exécutent des tâches répétitives dans les applications métier',
    },
    must: ['ai-agents', 'llm'],
    nice: ['langchain', 'prompt-engineering', 'api-design', 'llmops', 'python', 'llm-evaluation'],
    team: [
      { role: 'genai-engineer', min: 1, max: 2 },
      { role: 'software-engineer', min: 1, max: 1 },
      { role: 'ai-product-owner', min: 0, max: 1 },
    ],
  },
  {
    archetype: 'low-code-workflow',
    name: { en: 'Automated workflow', fr: 'Workflow automatisé' },
    what: {
      en: 'a low-code workflow that brings AI into the team’s daily process',
      fr: 'un workflow low-code qui intègre l’IA dans le processus quotidien de l’équipe',
    },
    must: ['low-code', 'process-automation'],
    nice: ['power-platform', 'n8n', 'make', 'generative-ai', 'change-management', 'rpa'],
    team: [
      { role: 'low-code-developer', min: 1, max: 2 },
      { role: 'project-manager', min: 0, max: 1 },
    ],
  },
  {
    archetype: 'security-compliance',
    name: { en: 'Compliance programme', fr: 'Programme de conformité' },
    what: {
      en: 'the governance, risk and compliance framework of the company’s AI systems',
      fr: 'le cadre de gouvernance, de risques et de conformité des systèmes d’IA de l’entreprise',
    },
    must: ['ai-act', 'gdpr'],
    nice: ['ai-governance', 'risk-management', 'cybersecurity', 'iso-27001', 'model-risk', 'compliance'],
    team: [
      { role: 'compliance-lead', min: 1, max: 1 },
      { role: 'dpo', min: 0, max: 1 },
      { role: 'security-engineer', min: 0, max: 1 },
    ],
  },
];

/**
 * Platform skills: what it takes to run an AI system for real (data architecture, cloud, security). The
 * article's scarce specialists; projects need them more and more, as must-haves on the newest.
 */
export const PLATFORM_DATA: [string, number][] = [
  ['data-architecture', 4],
  ['data-quality', 3],
  ['data-modeling', 1],
  ['data-engineering', 1],
];
export const PLATFORM_CLOUD: [string, number][] = [
  ['kubernetes', 4],
  ['cloud-architecture', 2],
  ['terraform', 1],
  ['finops', 1],
];
export const PLATFORM_SECURITY: [string, number][] = [
  ['cloud-security', 4],
  ['iam', 3],
  ['ai-security', 1],
  ['appsec', 1],
];

/** Security and compliance must-haves by industry (regulation first). */
export const SECURITY_MUSTS: Record<Industry, string[]> = {
  banking: ['dora', 'gdpr', 'cloud-security', 'iam', 'model-risk'],
  insurance: ['dora', 'gdpr', 'model-risk', 'cloud-security'],
  retail: ['gdpr', 'iam', 'appsec'],
  manufacturing: ['nis2', 'cybersecurity', 'iam'],
  energy: ['nis2', 'cybersecurity', 'cloud-security'],
  healthcare: ['gdpr', 'ai-act', 'cloud-security', 'iam'],
  'public-sector': ['secnumcloud', 'gdpr', 'ai-act', 'iam'],
  telecom: ['nis2', 'cloud-security', 'iam'],
  transport: ['nis2', 'cybersecurity', 'gdpr'],
  media: ['gdpr', 'ai-act', 'appsec'],
};

/** Generic project names: too broad to have a business owner. */
export const GENERIC_NAMES: Labels[] = [
  { en: 'Company-wide GenAI assistant', fr: 'Assistant IA générative pour tous' },
  { en: 'GenAI platform proof of concept', fr: 'POC plateforme IA générative' },
  { en: 'Internal chatbot', fr: 'Chatbot interne' },
  { en: 'AI exploration lab', fr: 'Laboratoire d’exploration IA' },
  { en: 'Generic document AI', fr: 'IA documentaire généraliste' },
];
