/**
 * The built-in Vivier taxonomy: AI-era skills, with French and English labels.
 *
 * Provenance: written by the Vivier authors for this project (Apache-2.0, like the code). Where ESCO
 * v1.1.1 has the concept, `esco` holds its URI (ESCO © European Union, reuse authorised with attribution,
 * Decision 2011/833/EU); ESCO itself is not shipped and is imported on request.
 *
 * Editing: one `s()` line a skill. `related` maps a skill id to a transfer weight in (0, 1): how much
 * knowing this skill helps with that one. Validation (unique ids, resolvable links, no broader cycles)
 * runs in taxonomy.test.ts and whenever the taxonomy is built.
 */
import type { Domain, SkillType } from './types.js';

export const BUILTIN_TAXONOMY_VERSION = '2026.11.0';

export interface SkillDef {
  id: string;
  domain: Domain;
  type: SkillType;
  en: string;
  fr: string;
  /** Names that are the same in every language (products, acronyms). */
  names?: string[];
  enAliases?: string[];
  frAliases?: string[];
  broader?: string;
  related?: Record<string, number>;
  ambiguous?: boolean;
  esco?: string;
}

type Extra = Omit<SkillDef, 'id' | 'domain' | 'type' | 'en' | 'fr'>;
const s = (
  id: string,
  domain: Domain,
  type: SkillType,
  en: string,
  fr: string,
  extra: Extra = {},
): SkillDef => ({
  id,
  domain,
  type,
  en,
  fr,
  ...extra,
});
const ESCO = 'http://data.europa.eu/esco/skill/';

export const BUILTIN_SKILLS: readonly SkillDef[] = [
  // --- AI / GenAI
  s('machine-learning', 'ai', 'knowledge', 'machine learning', 'apprentissage automatique', {
    names: ['ML'],
    frAliases: ['machine learning', 'apprentissage machine'],
    related: { 'deep-learning': 0.5, statistics: 0.4, 'data-science': 0.6 },
    esco: `${ESCO}3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43`,
  }),
  s('deep-learning', 'ai', 'knowledge', 'deep learning', 'apprentissage profond', {
    frAliases: ['deep learning'],
    broader: 'machine-learning',
    related: { 'machine-learning': 0.6, pytorch: 0.4, 'computer-vision': 0.4 },
    esco: `${ESCO}ecc4552a-92c5-4222-b18d-faf5ac841080`,
  }),
  s('nlp', 'ai', 'knowledge', 'natural language processing', 'traitement automatique du langage', {
    names: ['NLP', 'TAL'],
    frAliases: ['traitement du langage naturel', 'TALN'],
    broader: 'machine-learning',
    related: { llm: 0.5, 'deep-learning': 0.4 },
    esco: `${ESCO}fff0e2cd-d0bd-4b02-9daf-158b79d9688a`,
  }),
  s('computer-vision', 'ai', 'knowledge', 'computer vision', 'vision par ordinateur', {
    frAliases: ['vision artificielle'],
    broader: 'machine-learning',
    related: { 'deep-learning': 0.5 },
    esco: `${ESCO}7b0d5000-00da-4864-b776-6de49a87a669`,
  }),
  s('generative-ai', 'ai', 'knowledge', 'generative AI', 'IA générative', {
    names: ['GenAI', 'Gen AI'],
    enAliases: ['generative artificial intelligence'],
    frAliases: ['intelligence artificielle générative'],
    broader: 'machine-learning',
    related: { llm: 0.7, 'prompt-engineering': 0.5 },
  }),
  s('llm', 'ai', 'knowledge', 'large language models', 'grands modèles de langage', {
    names: ['LLM', 'LLMs'],
    enAliases: ['large language model'],
    frAliases: ['grand modèle de langage', 'modèles de langage'],
    broader: 'generative-ai',
    related: { 'generative-ai': 0.7, nlp: 0.5, 'prompt-engineering': 0.6, rag: 0.5 },
  }),
  s('open-weight-llm', 'ai', 'knowledge', 'open-weight LLMs', 'LLM open source', {
    enAliases: ['open-source LLMs', 'open source LLM', 'open-weight models', 'open-weight LLM'],
    frAliases: ['modèles open source', 'LLM open-source', 'modèles ouverts'],
    broader: 'llm',
    related: { llm: 0.7, mistral: 0.7, llama: 0.7, 'llm-fine-tuning': 0.5 },
  }),
  s('mistral', 'ai', 'tool', 'Mistral models', 'modèles Mistral', {
    names: ['Mistral', 'Mistral AI', 'Mixtral', 'Mistral Large'],
    broader: 'open-weight-llm',
    related: { 'open-weight-llm': 0.8, llama: 0.7, llm: 0.6 },
  }),
  s('llama', 'ai', 'tool', 'Llama models', 'modèles Llama', {
    names: ['Llama', 'Llama 3', 'LLaMA'],
    broader: 'open-weight-llm',
    related: { 'open-weight-llm': 0.8, mistral: 0.7, llm: 0.6 },
  }),
  s('openai-api', 'ai', 'tool', 'OpenAI API', 'API OpenAI', {
    names: ['GPT-4', 'GPT-4o', 'ChatGPT', 'Azure OpenAI'],
    broader: 'llm',
    related: { llm: 0.6, 'prompt-engineering': 0.5 },
  }),
  s('prompt-engineering', 'ai', 'skill', 'prompt engineering', 'ingénierie de prompts', {
    enAliases: ['prompt design', 'prompting'],
    frAliases: ['ingénierie des prompts', 'prompt engineering', 'conception de prompts'],
    broader: 'generative-ai',
    related: { llm: 0.5, 'ai-agents': 0.4 },
  }),
  s('rag', 'ai', 'skill', 'retrieval-augmented generation', 'génération augmentée par récupération', {
    names: ['RAG'],
    enAliases: ['retrieval augmented generation'],
    frAliases: ['génération augmentée de récupération'],
    broader: 'llm',
    related: { embeddings: 0.6, 'vector-database': 0.6, llm: 0.5, 'search-engines': 0.4 },
  }),
  s('embeddings', 'ai', 'knowledge', 'embeddings', 'plongements vectoriels', {
    enAliases: ['text embeddings', 'vector embeddings'],
    frAliases: ['embeddings', 'plongements de mots'],
    broader: 'nlp',
    related: { rag: 0.5, 'vector-database': 0.5 },
  }),
  s('vector-database', 'ai', 'tool', 'vector databases', 'bases de données vectorielles', {
    names: ['pgvector', 'Qdrant', 'Weaviate', 'Pinecone', 'Milvus'],
    enAliases: ['vector database', 'vector store'],
    frAliases: ['base de données vectorielle', 'base vectorielle'],
    related: { embeddings: 0.5, rag: 0.5, postgresql: 0.3 },
  }),
  s('ai-agents', 'ai', 'skill', 'AI agents', 'agents IA', {
    enAliases: ['agentic AI', 'LLM agents', 'agent engineering', 'multi-agent systems'],
    frAliases: ['agents intelligents', 'IA agentique', 'agents autonomes'],
    broader: 'generative-ai',
    related: { 'prompt-engineering': 0.5, langchain: 0.5, llm: 0.5 },
  }),
  s('langchain', 'ai', 'tool', 'LangChain', 'LangChain', {
    names: ['LangChain', 'LangGraph', 'LlamaIndex'],
    related: { rag: 0.5, 'ai-agents': 0.5, python: 0.3 },
  }),
  s('llm-fine-tuning', 'ai', 'skill', 'LLM fine-tuning', 'fine-tuning de LLM', {
    names: ['LoRA', 'QLoRA'],
    enAliases: ['fine-tuning', 'fine tuning', 'model fine-tuning'],
    frAliases: ['fine-tuning', 'affinage de modèles', 'ajustement fin'],
    broader: 'llm',
    related: { 'deep-learning': 0.5, pytorch: 0.5, 'open-weight-llm': 0.5 },
  }),
  s('llm-evaluation', 'ai', 'skill', 'LLM evaluation', 'évaluation de LLM', {
    enAliases: ['model evaluation', 'AI evaluation', 'evals'],
    frAliases: ['évaluation des modèles', 'évaluation de modèles'],
    broader: 'llm',
    related: { statistics: 0.4, mlops: 0.3 },
  }),
  s('mlops', 'ai', 'skill', 'MLOps', 'MLOps', {
    names: ['MLOps', 'MLflow', 'Kubeflow'],
    enAliases: ['machine learning operations', 'ML operations'],
    related: { devops: 0.5, 'machine-learning': 0.4, llmops: 0.7, kubernetes: 0.3 },
  }),
  s('llmops', 'ai', 'skill', 'LLMOps', 'LLMOps', {
    names: ['LLMOps'],
    broader: 'mlops',
    related: { mlops: 0.7, llm: 0.4 },
  }),
  s('pytorch', 'ai', 'tool', 'PyTorch', 'PyTorch', {
    names: ['PyTorch'],
    related: { 'deep-learning': 0.5, tensorflow: 0.6, python: 0.3 },
  }),
  s('tensorflow', 'ai', 'tool', 'TensorFlow', 'TensorFlow', {
    names: ['TensorFlow', 'Keras'],
    related: { 'deep-learning': 0.5, pytorch: 0.6 },
  }),
  s('scikit-learn', 'ai', 'tool', 'scikit-learn', 'scikit-learn', {
    names: ['scikit-learn', 'sklearn'],
    related: { 'machine-learning': 0.5, python: 0.3 },
  }),
  s('hugging-face', 'ai', 'tool', 'Hugging Face', 'Hugging Face', {
    names: ['Hugging Face', 'HuggingFace', 'Transformers'],
    related: { 'open-weight-llm': 0.5, pytorch: 0.4 },
  }),
  s('data-science', 'ai', 'skill', 'data science', 'science des données', {
    enAliases: ['data scientist'],
    frAliases: ['data science'],
    related: { 'machine-learning': 0.6, statistics: 0.6, python: 0.4 },
  }),
  s('forecasting', 'ai', 'skill', 'time-series forecasting', 'prévision de séries temporelles', {
    enAliases: ['forecasting', 'demand forecasting', 'time series'],
    frAliases: ['prévision', 'séries temporelles', 'prévision de la demande'],
    broader: 'machine-learning',
    related: { statistics: 0.5, 'machine-learning': 0.5 },
  }),
  s('document-ai', 'ai', 'skill', 'document processing', 'traitement de documents', {
    names: ['OCR', 'IDP'],
    enAliases: ['intelligent document processing', 'document understanding'],
    frAliases: ['traitement intelligent de documents', 'reconnaissance de documents'],
    related: { 'computer-vision': 0.5, nlp: 0.5, llm: 0.4 },
  }),
  s('speech-ai', 'ai', 'skill', 'speech recognition', 'reconnaissance vocale', {
    names: ['Whisper'],
    enAliases: ['speech-to-text', 'automatic speech recognition'],
    frAliases: ['transcription automatique', 'reconnaissance de la parole'],
    related: { 'deep-learning': 0.5, nlp: 0.4 },
  }),
  s('recommender-systems', 'ai', 'skill', 'recommender systems', 'systèmes de recommandation', {
    enAliases: ['recommendation engines', 'recommendation systems'],
    frAliases: ['moteurs de recommandation', 'moteur de recommandation'],
    broader: 'machine-learning',
    related: { 'machine-learning': 0.6 },
  }),
  s('statistics', 'ai', 'knowledge', 'statistics', 'statistiques', {
    enAliases: ['statistical analysis', 'statistical modelling'],
    frAliases: ['statistique', 'analyse statistique', 'modélisation statistique'],
    related: { 'data-science': 0.5, 'machine-learning': 0.4 },
    esco: `${ESCO}7ee4c2ea-b349-4bd2-81a3-ec31475d4833`,
  }),
  // --- Data
  s('python', 'data', 'tool', 'Python', 'Python', {
    names: ['Python', 'Python3'],
    related: { pandas: 0.4, 'data-science': 0.3 },
    esco: `${ESCO}ccd0a1d9-afda-43d9-b901-96344886e14d`,
  }),
  s('r-language', 'data', 'tool', 'R', 'R', {
    names: ['R', 'RStudio', 'tidyverse'],
    enAliases: ['R language', 'R programming'],
    frAliases: ['langage R'],
    ambiguous: true,
    related: { statistics: 0.5, python: 0.4 },
  }),
  s('sql', 'data', 'tool', 'SQL', 'SQL', {
    names: ['SQL', 'T-SQL', 'PL/SQL'],
    related: { postgresql: 0.5, 'data-modeling': 0.4 },
    esco: `${ESCO}598de5b0-5b58-4ea7-8058-a4bc4d18c742`,
  }),
  s('pandas', 'data', 'tool', 'pandas', 'pandas', {
    names: ['pandas', 'NumPy', 'Polars'],
    ambiguous: true,
    related: { python: 0.5, 'data-science': 0.3 },
  }),
  s('spark', 'data', 'tool', 'Apache Spark', 'Apache Spark', {
    names: ['Spark', 'PySpark', 'Apache Spark'],
    ambiguous: true,
    related: { databricks: 0.7, 'data-engineering': 0.5, hadoop: 0.5 },
    esco: `${ESCO}af7ae54f-4649-4c16-87c7-59ba41d4d57f`,
  }),
  s('hadoop', 'data', 'tool', 'Hadoop', 'Hadoop', {
    names: ['Hadoop', 'HDFS', 'Hive'],
    related: { spark: 0.5 },
    esco: `${ESCO}e46291c7-52b9-4174-bd59-178884861038`,
  }),
  s('databricks', 'data', 'tool', 'Databricks', 'Databricks', {
    names: ['Databricks', 'Delta Lake'],
    related: { spark: 0.7, 'data-engineering': 0.4 },
  }),
  s('snowflake', 'data', 'tool', 'Snowflake', 'Snowflake', {
    names: ['Snowflake'],
    related: { 'data-warehouse': 0.6, sql: 0.4, bigquery: 0.6 },
  }),
  s('bigquery', 'data', 'tool', 'BigQuery', 'BigQuery', {
    names: ['BigQuery'],
    related: { 'data-warehouse': 0.6, snowflake: 0.6, gcp: 0.4 },
  }),
  s('data-engineering', 'data', 'skill', 'data engineering', 'ingénierie des données', {
    enAliases: ['data pipelines', 'data pipeline', 'ETL', 'ELT'],
    frAliases: ['ingénierie de données', 'pipelines de données', 'pipeline de données', 'data engineering'],
    related: { sql: 0.4, spark: 0.4, airflow: 0.5, 'data-warehouse': 0.5 },
  }),
  s('airflow', 'data', 'tool', 'Apache Airflow', 'Apache Airflow', {
    names: ['Airflow', 'Dagster', 'Prefect'],
    related: { 'data-engineering': 0.5, python: 0.3 },
  }),
  s('dbt', 'data', 'tool', 'dbt', 'dbt', {
    names: ['dbt'],
    related: { sql: 0.5, 'data-warehouse': 0.5 },
  }),
  s('kafka', 'data', 'tool', 'Apache Kafka', 'Apache Kafka', {
    names: ['Kafka', 'Apache Kafka'],
    enAliases: ['event streaming', 'data streaming'],
    frAliases: ['streaming de données'],
    related: { 'data-engineering': 0.5 },
  }),
  s('data-warehouse', 'data', 'knowledge', 'data warehousing', 'entrepôt de données', {
    enAliases: ['data warehouse', 'data lakehouse', 'data lake'],
    frAliases: ['entrepôts de données', 'lac de données', 'datawarehouse'],
    related: { 'data-modeling': 0.5, sql: 0.4 },
  }),
  s('data-modeling', 'data', 'skill', 'data modelling', 'modélisation des données', {
    enAliases: ['data modeling', 'data models'],
    frAliases: ['modélisation de données', 'modèle de données'],
    related: { sql: 0.4, 'data-architecture': 0.5 },
    esco: `${ESCO}fecf8a0d-62c4-4e71-9b03-0f4fc2ad7bf5`,
  }),
  s('data-architecture', 'data', 'skill', 'data architecture', 'architecture des données', {
    enAliases: ['data architect'],
    frAliases: ['architecture de données', 'architecte de données'],
    related: { 'data-modeling': 0.5, 'data-engineering': 0.4, 'cloud-architecture': 0.3 },
  }),
  s('data-quality', 'data', 'skill', 'data quality', 'qualité des données', {
    enAliases: ['data quality management', 'data quality assessment', 'data cleansing'],
    frAliases: ['qualité de données', 'nettoyage de données'],
    related: { 'data-governance': 0.5, sql: 0.3 },
    esco: `${ESCO}cc7370dd-69fa-4c67-a96f-d4d135d38700`,
  }),
  s('data-visualization', 'data', 'skill', 'data visualisation', 'visualisation de données', {
    enAliases: ['data visualization', 'dashboards', 'dashboarding', 'reporting'],
    frAliases: ['visualisation des données', 'tableaux de bord', 'tableau de bord', 'dataviz'],
    related: { 'power-bi': 0.5, tableau: 0.5, 'business-intelligence': 0.5 },
  }),
  s('business-intelligence', 'data', 'knowledge', 'business intelligence', 'informatique décisionnelle', {
    names: ['BI'],
    frAliases: ['business intelligence', 'décisionnel'],
    related: { 'data-visualization': 0.5, 'data-warehouse': 0.4, sql: 0.3 },
    esco: `${ESCO}143769cb-b61e-47d8-a61e-eedfbec1016c`,
  }),
  s('power-bi', 'data', 'tool', 'Power BI', 'Power BI', {
    names: ['Power BI', 'PowerBI'],
    related: { 'data-visualization': 0.5, tableau: 0.6, excel: 0.3 },
  }),
  s('tableau', 'data', 'tool', 'Tableau', 'Tableau', {
    names: ['Tableau', 'Tableau Software'],
    ambiguous: true,
    related: { 'data-visualization': 0.5, 'power-bi': 0.6 },
  }),
  s('excel', 'data', 'tool', 'Microsoft Excel', 'Microsoft Excel', {
    names: ['Excel', 'VBA'],
    ambiguous: true,
    related: { 'power-bi': 0.3 },
  }),
  s('sas', 'data', 'tool', 'SAS', 'SAS', {
    names: ['SAS', 'SAS Base', 'SAS Viya'],
    ambiguous: true,
    related: { statistics: 0.4, 'r-language': 0.4 },
  }),
  s('postgresql', 'data', 'tool', 'PostgreSQL', 'PostgreSQL', {
    names: ['PostgreSQL', 'Postgres'],
    related: { sql: 0.6 },
  }),
  s('nosql', 'data', 'knowledge', 'NoSQL databases', 'bases de données NoSQL', {
    names: ['NoSQL', 'MongoDB', 'Cassandra', 'Redis'],
    related: { sql: 0.3 },
  }),
  s('master-data', 'data', 'skill', 'master data management', 'gestion des données de référence', {
    names: ['MDM'],
    frAliases: ['données de référence', 'référentiel de données'],
    related: { 'data-quality': 0.5, 'data-governance': 0.5 },
  }),
  // --- Cloud
  s('cloud-computing', 'cloud', 'knowledge', 'cloud computing', 'informatique en nuage', {
    enAliases: ['cloud technologies', 'cloud'],
    frAliases: ['cloud computing', 'cloud', 'technologies cloud'],
    related: { aws: 0.4, azure: 0.4, gcp: 0.4 },
    esco: `${ESCO}bd14968e-e409-45af-b362-3495ed7b10e0`,
  }),
  s('aws', 'cloud', 'tool', 'Amazon Web Services', 'Amazon Web Services', {
    names: ['AWS', 'Amazon Web Services', 'SageMaker', 'Bedrock'],
    broader: 'cloud-computing',
    related: { azure: 0.6, gcp: 0.6, 'cloud-computing': 0.6 },
  }),
  s('azure', 'cloud', 'tool', 'Microsoft Azure', 'Microsoft Azure', {
    names: ['Azure', 'Microsoft Azure', 'Azure ML'],
    broader: 'cloud-computing',
    related: { aws: 0.6, gcp: 0.6, 'cloud-computing': 0.6 },
  }),
  s('gcp', 'cloud', 'tool', 'Google Cloud', 'Google Cloud', {
    names: ['GCP', 'Google Cloud', 'Google Cloud Platform', 'Vertex AI'],
    broader: 'cloud-computing',
    related: { aws: 0.6, azure: 0.6, 'cloud-computing': 0.6 },
  }),
  s('ovhcloud', 'cloud', 'tool', 'OVHcloud', 'OVHcloud', {
    names: ['OVHcloud', 'OVH'],
    broader: 'cloud-computing',
    related: { scaleway: 0.7, 'cloud-computing': 0.5, secnumcloud: 0.3 },
  }),
  s('scaleway', 'cloud', 'tool', 'Scaleway', 'Scaleway', {
    names: ['Scaleway'],
    broader: 'cloud-computing',
    related: { ovhcloud: 0.7, 'cloud-computing': 0.5 },
  }),
  s('kubernetes', 'cloud', 'tool', 'Kubernetes', 'Kubernetes', {
    names: ['Kubernetes', 'K8s', 'OpenShift', 'Helm'],
    related: { docker: 0.5, devops: 0.4 },
  }),
  s('docker', 'cloud', 'tool', 'Docker', 'Docker', {
    names: ['Docker', 'containers'],
    enAliases: ['containerisation', 'containerization'],
    frAliases: ['conteneurisation', 'conteneurs'],
    related: { kubernetes: 0.5, devops: 0.3 },
  }),
  s('terraform', 'cloud', 'tool', 'infrastructure as code', 'infrastructure as code', {
    names: ['Terraform', 'IaC', 'Pulumi', 'Ansible', 'OpenTofu'],
    enAliases: ['infrastructure-as-code'],
    frAliases: ['infrastructure en tant que code', 'infrastructure as code'],
    related: { devops: 0.5, 'cloud-architecture': 0.4 },
  }),
  s('devops', 'cloud', 'skill', 'DevOps', 'DevOps', {
    names: ['DevOps', 'CI/CD', 'GitLab CI', 'GitHub Actions', 'Jenkins'],
    enAliases: ['continuous integration', 'continuous delivery'],
    frAliases: ['intégration continue', 'déploiement continu'],
    related: { kubernetes: 0.4, terraform: 0.4, mlops: 0.4 },
    esco: `${ESCO}f0de4973-0a70-4644-8fd4-3a97080476f4`,
  }),
  s('cloud-architecture', 'cloud', 'skill', 'cloud architecture', 'architecture cloud', {
    enAliases: ['cloud architect', 'cloud solution architecture'],
    frAliases: ['architecte cloud', 'architecture de solutions cloud'],
    broader: 'cloud-computing',
    related: { 'cloud-computing': 0.6, terraform: 0.4, 'cloud-security': 0.3 },
  }),
  s('finops', 'cloud', 'skill', 'FinOps', 'FinOps', {
    names: ['FinOps'],
    enAliases: ['cloud cost management', 'cloud cost optimisation'],
    frAliases: ['optimisation des coûts cloud', 'maîtrise des coûts cloud'],
    related: { 'cloud-architecture': 0.4 },
  }),
  s('linux', 'cloud', 'tool', 'Linux administration', 'administration Linux', {
    names: ['Linux', 'Debian', 'Red Hat', 'Ubuntu'],
    enAliases: ['Linux system administration'],
    frAliases: ['administration système Linux'],
    related: { docker: 0.3, devops: 0.3 },
  }),
  // --- Security
  s('cybersecurity', 'security', 'knowledge', 'cybersecurity', 'cybersécurité', {
    enAliases: ['cyber security', 'information security', 'IT security'],
    frAliases: ['sécurité informatique', "sécurité de l'information", 'sécurité des systèmes'],
    related: { 'cloud-security': 0.4, appsec: 0.4, iam: 0.4 },
    esco: `${ESCO}11eebd42-44ab-401d-8a2c-bdb9fc9beb50`,
  }),
  s('iam', 'security', 'skill', 'identity and access management', 'gestion des identités et des accès', {
    names: ['IAM', 'Keycloak', 'Okta', 'Entra ID'],
    enAliases: ['identity management', 'access management'],
    frAliases: ['gestion des identités', 'gestion des accès'],
    broader: 'cybersecurity',
    related: { 'cloud-security': 0.4 },
  }),
  s('appsec', 'security', 'skill', 'application security', 'sécurité applicative', {
    names: ['AppSec', 'OWASP', 'DevSecOps'],
    enAliases: ['secure coding', 'application security testing'],
    frAliases: ['sécurité des applications', 'développement sécurisé'],
    broader: 'cybersecurity',
    related: { pentest: 0.4, devops: 0.3 },
  }),
  s('cloud-security', 'security', 'skill', 'cloud security', 'sécurité du cloud', {
    enAliases: ['cloud security posture management'],
    frAliases: ['sécurité cloud', 'sécurité des environnements cloud'],
    broader: 'cybersecurity',
    related: { 'cloud-architecture': 0.4, iam: 0.4 },
  }),
  s('soc', 'security', 'skill', 'security operations', 'opérations de sécurité', {
    names: ['SOC', 'SIEM', 'Splunk', 'EDR'],
    enAliases: ['security operations centre', 'security monitoring', 'incident response'],
    frAliases: ['centre des opérations de sécurité', 'supervision de sécurité', 'réponse à incident'],
    broader: 'cybersecurity',
    related: { cybersecurity: 0.4 },
  }),
  s('pentest', 'security', 'skill', 'penetration testing', 'tests d’intrusion', {
    names: ['pentest', 'pentesting'],
    enAliases: ['ethical hacking', 'red teaming'],
    frAliases: ["tests d'intrusion", "test d'intrusion", 'audit de sécurité', 'red team'],
    broader: 'cybersecurity',
    related: { appsec: 0.4 },
  }),
  s('cryptography', 'security', 'knowledge', 'cryptography', 'cryptographie', {
    enAliases: ['encryption', 'ICT encryption', 'PKI'],
    frAliases: ['chiffrement', 'PKI'],
    broader: 'cybersecurity',
    esco: `${ESCO}d32db06e-bd06-4415-a7ab-1b0ee68caa9a`,
  }),
  s('ai-security', 'security', 'skill', 'AI security', "sécurité de l'IA", {
    enAliases: ['LLM security', 'prompt injection', 'adversarial machine learning'],
    frAliases: ['sécurité des modèles', 'sécurité des LLM', 'injection de prompt'],
    broader: 'cybersecurity',
    related: { llm: 0.3, appsec: 0.4 },
  }),
  s('iso-27001', 'security', 'certification', 'ISO/IEC 27001', 'ISO/IEC 27001', {
    names: ['ISO 27001', 'ISO/IEC 27001', 'ISO27001', 'ISMS', 'SMSI'],
    broader: 'cybersecurity',
    related: { 'risk-management': 0.4, nis2: 0.4 },
  }),
  s('secnumcloud', 'security', 'certification', 'SecNumCloud', 'SecNumCloud', {
    names: ['SecNumCloud', 'ANSSI'],
    related: { 'cloud-security': 0.5, 'iso-27001': 0.4 },
  }),
  s('nis2', 'governance', 'knowledge', 'NIS2 directive', 'directive NIS2', {
    names: ['NIS2', 'NIS 2'],
    related: { 'iso-27001': 0.4, dora: 0.4, cybersecurity: 0.3 },
  }),
  // --- Governance and compliance
  s('gdpr', 'governance', 'knowledge', 'GDPR', 'RGPD', {
    names: ['GDPR', 'RGPD'],
    enAliases: ['General Data Protection Regulation', 'data protection'],
    frAliases: ['règlement général sur la protection des données', 'protection des données'],
    related: { dpo: 0.6, 'data-governance': 0.4 },
    esco: `${ESCO}a4346013-a967-4a58-a533-6b32ad1364c5`,
  }),
  s('dpo', 'governance', 'skill', 'data protection officer', 'délégué à la protection des données', {
    names: ['DPO'],
    frAliases: ['déléguée à la protection des données'],
    related: { gdpr: 0.7 },
  }),
  s('ai-act', 'governance', 'knowledge', 'EU AI Act', "règlement européen sur l'IA", {
    names: ['AI Act', 'EU AI Act', 'RIA'],
    enAliases: ['Artificial Intelligence Act'],
    frAliases: ["règlement sur l'intelligence artificielle", 'AI Act'],
    related: { 'ai-governance': 0.6, gdpr: 0.4 },
  }),
  s('ai-governance', 'governance', 'skill', 'AI governance', "gouvernance de l'IA", {
    enAliases: ['responsible AI', 'AI ethics', 'trustworthy AI'],
    frAliases: ['IA responsable', 'éthique de l’IA', "éthique de l'IA", 'IA de confiance'],
    related: { 'ai-act': 0.5, 'model-risk': 0.5, 'data-governance': 0.4 },
  }),
  s('data-governance', 'governance', 'skill', 'data governance', 'gouvernance des données', {
    enAliases: ['data stewardship', 'data catalogue', 'data lineage'],
    frAliases: ['gouvernance de données', 'data governance', 'catalogue de données'],
    related: { 'data-quality': 0.5, gdpr: 0.4, 'master-data': 0.4 },
  }),
  s('dora', 'governance', 'knowledge', 'DORA regulation', 'règlement DORA', {
    names: ['DORA'],
    enAliases: ['Digital Operational Resilience Act'],
    frAliases: ['résilience opérationnelle numérique'],
    ambiguous: true,
    related: { nis2: 0.4, 'risk-management': 0.4 },
  }),
  s('model-risk', 'governance', 'skill', 'model risk management', 'gestion du risque de modèle', {
    enAliases: ['model validation', 'model risk'],
    frAliases: ['risque de modèle', 'validation de modèles'],
    related: { 'risk-management': 0.5, statistics: 0.3, 'ai-governance': 0.4 },
  }),
  s('risk-management', 'governance', 'skill', 'risk management', 'gestion des risques', {
    enAliases: ['risk assessment', 'risk analysis'],
    frAliases: ['analyse de risques', 'analyse des risques', 'management des risques'],
    related: { 'model-risk': 0.4, 'iso-27001': 0.3 },
    esco: `${ESCO}6eff134b-e34f-4d6e-a6e8-5e47cf2228d0`,
  }),
  s('compliance', 'governance', 'skill', 'regulatory compliance', 'conformité réglementaire', {
    enAliases: ['compliance', 'regulatory affairs'],
    frAliases: ['conformité', 'compliance'],
    related: { 'risk-management': 0.4, gdpr: 0.3 },
  }),
  // --- Low-code / no-code
  s('power-platform', 'lowcode', 'tool', 'Microsoft Power Platform', 'Microsoft Power Platform', {
    names: ['Power Platform', 'Power Apps', 'PowerApps', 'Power Automate'],
    related: { 'low-code': 0.6, 'power-bi': 0.3 },
  }),
  s('low-code', 'lowcode', 'skill', 'low-code development', 'développement low-code', {
    enAliases: ['low-code', 'no-code', 'low code', 'no code'],
    frAliases: ['low-code', 'no-code', 'développement no-code'],
    related: { 'power-platform': 0.5, make: 0.5, 'process-automation': 0.4 },
  }),
  s('make', 'lowcode', 'tool', 'Make', 'Make', {
    names: ['Make', 'Integromat', 'make.com'],
    ambiguous: true,
    broader: 'low-code',
    related: { zapier: 0.7, n8n: 0.7 },
  }),
  s('zapier', 'lowcode', 'tool', 'Zapier', 'Zapier', {
    names: ['Zapier'],
    broader: 'low-code',
    related: { make: 0.7, n8n: 0.7 },
  }),
  s('n8n', 'lowcode', 'tool', 'n8n', 'n8n', {
    names: ['n8n'],
    broader: 'low-code',
    related: { make: 0.7, zapier: 0.7 },
  }),
  s('bubble', 'lowcode', 'tool', 'Bubble', 'Bubble', {
    names: ['Bubble', 'Bubble.io'],
    ambiguous: true,
    broader: 'low-code',
    related: { 'low-code': 0.5 },
  }),
  s('rpa', 'lowcode', 'skill', 'robotic process automation', 'automatisation robotisée des processus', {
    names: ['RPA', 'UiPath', 'Blue Prism'],
    frAliases: ['automatisation robotique des processus'],
    related: { 'process-automation': 0.6 },
  }),
  s('process-automation', 'lowcode', 'skill', 'business process automation', 'automatisation des processus', {
    enAliases: ['workflow automation', 'process automation'],
    frAliases: ['automatisation de processus', 'automatisation des workflows', 'automatisation'],
    related: { rpa: 0.5, 'low-code': 0.5 },
  }),
  // --- Engineering, product and change
  s('javascript', 'engineering', 'tool', 'JavaScript', 'JavaScript', {
    names: ['JavaScript', 'Node.js', 'NodeJS'],
    related: { typescript: 0.7 },
    esco: `${ESCO}3cd569a2-4f88-4c1e-9995-8dce8c5e51a7`,
  }),
  s('typescript', 'engineering', 'tool', 'TypeScript', 'TypeScript', {
    names: ['TypeScript'],
    related: { javascript: 0.8 },
    esco: `${ESCO}867137fb-ff1b-4ca3-99f3-cb6969aa2c68`,
  }),
  s('java', 'engineering', 'tool', 'Java', 'Java', {
    names: ['Java', 'Spring Boot', 'Spring'],
    related: { scala: 0.4, csharp: 0.5 },
    esco: `${ESCO}19a8293b-8e95-4de3-983f-77484079c389`,
  }),
  s('scala', 'engineering', 'tool', 'Scala', 'Scala', {
    names: ['Scala'],
    related: { java: 0.5, spark: 0.4 },
    esco: `${ESCO}ffddfc7c-a9dd-449f-9e96-882dc447c8b6`,
  }),
  s('golang', 'engineering', 'tool', 'Go', 'Go', {
    names: ['Go', 'Golang'],
    enAliases: ['Go language'],
    frAliases: ['langage Go'],
    ambiguous: true,
    related: { java: 0.3 },
  }),
  s('csharp', 'engineering', 'tool', 'C#', 'C#', {
    names: ['C#', '.NET', 'dotnet'],
    related: { java: 0.5 },
  }),
  s('cpp', 'engineering', 'tool', 'C++', 'C++', {
    names: ['C++'],
    related: { 'c-language': 0.6 },
    esco: `${ESCO}b633eb55-8f1f-4ae6-ab4c-2022ffe2cb7f`,
  }),
  s('c-language', 'engineering', 'tool', 'C', 'C', {
    names: ['C'],
    enAliases: ['C language', 'C programming'],
    frAliases: ['langage C'],
    ambiguous: true,
    related: { cpp: 0.6 },
  }),
  s('react', 'engineering', 'tool', 'React', 'React', {
    names: ['React', 'React.js', 'Next.js'],
    ambiguous: true,
    related: { javascript: 0.5, typescript: 0.4 },
  }),
  s('api-design', 'engineering', 'skill', 'API design', "conception d'API", {
    names: ['REST', 'GraphQL', 'OpenAPI'],
    enAliases: ['REST APIs', 'API development', 'APIs'],
    frAliases: ['conception d’API', 'développement d’API', "développement d'API", 'API'],
    related: { 'software-architecture': 0.4 },
  }),
  s('software-architecture', 'engineering', 'skill', 'software architecture', 'architecture logicielle', {
    enAliases: ['microservices', 'system design'],
    frAliases: ['architecture applicative', 'microservices'],
    related: { 'api-design': 0.4, 'cloud-architecture': 0.3 },
  }),
  s('software-testing', 'engineering', 'skill', 'software testing', 'tests logiciels', {
    enAliases: ['test automation', 'QA', 'quality assurance'],
    frAliases: ['automatisation des tests', 'recette', 'tests automatisés'],
    related: { devops: 0.3 },
  }),
  s('git', 'engineering', 'tool', 'Git', 'Git', {
    names: ['Git', 'GitHub', 'GitLab'],
    related: { devops: 0.3 },
  }),
  s('search-engines', 'engineering', 'tool', 'search engines', 'moteurs de recherche', {
    names: ['Elasticsearch', 'OpenSearch', 'Solr'],
    enAliases: ['enterprise search', 'information retrieval'],
    frAliases: ['recherche d’information', "recherche d'information"],
    related: { rag: 0.4, 'vector-database': 0.4 },
  }),
  s('agile', 'engineering', 'knowledge', 'agile methods', 'méthodes agiles', {
    names: ['Scrum', 'Kanban', 'SAFe'],
    enAliases: ['agile', 'agile project management'],
    frAliases: ['agilité', 'méthodologie agile', 'agile'],
    related: { 'project-management': 0.4, 'product-management': 0.3 },
    esco: `${ESCO}0a9acb6b-1139-4be9-b431-3a80a959f2f4`,
  }),
  s('project-management', 'engineering', 'skill', 'project management', 'gestion de projet', {
    names: ['PMP', 'Prince2'],
    enAliases: ['programme management', 'project manager'],
    frAliases: ['conduite de projet', 'pilotage de projet', 'chef de projet', 'gestion de projets'],
    related: { agile: 0.4, 'change-management': 0.3 },
    esco: `${ESCO}7111b95d-0ce3-441a-9d92-4c75d05c4388`,
  }),
  s('product-management', 'engineering', 'skill', 'product management', 'gestion de produit', {
    enAliases: ['product owner', 'AI product owner', 'product ownership'],
    frAliases: ['product owner', 'gestion produit', 'chef de produit', 'product management'],
    related: { agile: 0.4, 'project-management': 0.4, 'business-analysis': 0.4 },
  }),
  s('change-management', 'engineering', 'skill', 'change management', 'conduite du changement', {
    enAliases: ['organisational change', 'adoption'],
    frAliases: ['accompagnement du changement', 'gestion du changement'],
    related: { 'project-management': 0.3, training: 0.4 },
  }),
  s('business-analysis', 'engineering', 'skill', 'business analysis', 'analyse métier', {
    enAliases: ['requirements analysis', 'business analyst', 'process mapping'],
    frAliases: ['analyse fonctionnelle', 'analyse des besoins', 'business analyst', 'recueil des besoins'],
    related: { 'product-management': 0.4, 'process-automation': 0.3 },
  }),
  s('training', 'engineering', 'skill', 'training and coaching', 'formation et accompagnement', {
    enAliases: ['coaching', 'teaching', 'upskilling'],
    frAliases: ['formation', 'coaching', 'montée en compétences'],
    related: { 'change-management': 0.4 },
  }),
  s('ux-design', 'engineering', 'skill', 'UX design', 'design UX', {
    names: ['UX', 'UI/UX', 'Figma'],
    enAliases: ['user experience design', 'user research'],
    frAliases: ['expérience utilisateur', 'conception UX'],
    related: { 'product-management': 0.3 },
  }),
];
