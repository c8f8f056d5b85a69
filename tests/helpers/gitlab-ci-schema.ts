/**
 * A structural JSON Schema for `.gitlab-ci.yml`, written for these tests from the keyword reference of
 * GitLab CI/CD ("CI/CD YAML syntax reference", docs.gitlab.com/ee/ci/yaml/). It is deliberately strict:
 * unknown keys are errors at the top level, in jobs, `artifacts`, `reports`, `rules` and `workflow`, so a
 * typo in a template fails the test. It covers the keywords kientruc's template could reasonably use,
 * not every GitLab feature (a keyword missing here fails loudly, and is then added with its doc entry).
 */
const stringList = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 } as const;
const script = { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }, minItems: 1 }] };
const when = { enum: ['on_success', 'on_failure', 'always', 'manual', 'delayed', 'never'] };
const variables = {
  type: 'object',
  additionalProperties: {
    oneOf: [
      { type: ['string', 'number', 'boolean'] },
      { type: 'object', additionalProperties: false, properties: { value: { type: 'string' }, description: { type: 'string' }, expand: { type: 'boolean' } } },
    ],
  },
};
const image = {
  oneOf: [
    { type: 'string', minLength: 1 },
    { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', minLength: 1 }, entrypoint: { type: 'array', items: { type: 'string' } }, pull_policy: {} } },
  ],
};
const cache = {
  type: 'object',
  additionalProperties: false,
  properties: {
    key: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'object', additionalProperties: false, properties: { files: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 }, prefix: { type: 'string' } } }] },
    paths: stringList,
    untracked: { type: 'boolean' },
    unprotect: { type: 'boolean' },
    when: { enum: ['on_success', 'on_failure', 'always'] },
    policy: { enum: ['pull', 'push', 'pull-push'] },
    fallback_keys: stringList,
  },
};
const rule = {
  type: 'object',
  additionalProperties: false,
  properties: {
    if: { type: 'string', minLength: 1 },
    changes: { oneOf: [stringList, { type: 'object' }] },
    exists: { oneOf: [stringList, { type: 'object' }] },
    when,
    allow_failure: { type: 'boolean' },
    variables,
    needs: { type: 'array' },
    start_in: { type: 'string' },
  },
};
const reportFiles = { oneOf: [{ type: 'string', minLength: 1 }, stringList] };
const artifacts = {
  type: 'object',
  additionalProperties: false,
  properties: {
    paths: stringList,
    exclude: stringList,
    expose_as: { type: 'string', minLength: 1 },
    name: { type: 'string', minLength: 1 },
    untracked: { type: 'boolean' },
    when: { enum: ['on_success', 'on_failure', 'always'] },
    expire_in: { type: 'string', minLength: 1 },
    public: { type: 'boolean' },
    access: { enum: ['all', 'developer', 'none'] },
    reports: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        [
          'junit',
          'codequality',
          'sast',
          'secret_detection',
          'dependency_scanning',
          'container_scanning',
          'dast',
          'dotenv',
          'metrics',
          'terraform',
          'cyclonedx',
          'annotations',
          'accessibility',
          'browser_performance',
          'load_performance',
          'requirements',
          'api_fuzzing',
          'coverage_fuzzing',
        ].map((k) => [k, reportFiles]),
      ),
    },
  },
};
const jobProperties = {
  script,
  before_script: script,
  after_script: script,
  stage: { type: 'string', minLength: 1 },
  image,
  services: { type: 'array' },
  variables,
  cache: { oneOf: [cache, { type: 'array', items: cache }] },
  rules: { type: 'array', items: rule },
  only: {},
  except: {},
  needs: { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'object', required: ['job'], properties: { job: { type: 'string' }, artifacts: { type: 'boolean' }, optional: { type: 'boolean' } }, additionalProperties: false }] } },
  dependencies: { type: 'array', items: { type: 'string' } },
  artifacts,
  tags: { type: 'array', items: { type: 'string' } },
  allow_failure: { oneOf: [{ type: 'boolean' }, { type: 'object' }] },
  timeout: { type: 'string', minLength: 1 },
  when,
  start_in: { type: 'string' },
  interruptible: { type: 'boolean' },
  retry: { oneOf: [{ type: 'integer', minimum: 0, maximum: 2 }, { type: 'object' }] },
  environment: { oneOf: [{ type: 'string' }, { type: 'object' }] },
  coverage: { type: 'string' },
  parallel: {},
  resource_group: { type: 'string' },
  extends: { oneOf: [{ type: 'string' }, stringList] },
  trigger: {},
  inherit: { type: 'object' },
  id_tokens: { type: 'object' },
  secrets: { type: 'object' },
  pages: {},
  release: { type: 'object' },
};
const job = {
  type: 'object',
  additionalProperties: false,
  properties: jobProperties,
  anyOf: [{ required: ['script'] }, { required: ['extends'] }, { required: ['trigger'] }],
};

export const GITLAB_CI_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    stages: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, minItems: 1 },
    workflow: {
      type: 'object',
      additionalProperties: false,
      properties: { name: { type: 'string' }, rules: { type: 'array', items: rule }, auto_cancel: { type: 'object' } },
    },
    default: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        ['after_script', 'artifacts', 'before_script', 'cache', 'hooks', 'id_tokens', 'image', 'interruptible', 'retry', 'services', 'tags', 'timeout'].map((k) => [
          k,
          (jobProperties as Record<string, unknown>)[k] ?? {},
        ]),
      ),
    },
    variables,
    include: {},
    image,
    services: { type: 'array' },
    cache: jobProperties.cache,
    before_script: script,
    after_script: script,
  },
  patternProperties: { '^\\.': {} },
  additionalProperties: job,
} as const;
