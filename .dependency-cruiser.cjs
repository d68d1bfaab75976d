/**
 * The layering of src/, lowest first (docs/architecture.md, "Layers and the direction of dependencies"): a folder
 * imports only folders of a lower layer; where two must meet, the higher one composes them. Folders of one layer
 * do not import each other. src/*.ts (app.module, entities, main, worker, cli, http, bootstrap) compose everything.
 * `npm run lint:deps` checks it, and CI runs that.
 */
const LAYERS = [
  ['config'],
  ['common'],
  ['text'],
  ['metrics'],
  ['jobs'],
  ['database'],
  ['shops'],
  ['events'],
  ['reviews'],
  ['reviewers'],
  ['classification'],
  ['compliance'],
  ['recovery'],
  ['replies'],
  ['alerts'],
  ['reports', 'analysis'],
  ['health', 'console'],
];

const layerRules = LAYERS.flatMap((layer, index) =>
  layer.map((folder) => ({
    name: `layer-${folder}`,
    comment: `${folder}/ may import only: ${LAYERS.slice(0, index).flat().join(', ') || 'nothing in src/'}`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { path: `^src/(${LAYERS.slice(index).flat().filter((other) => other !== folder).join('|')})/` },
  })),
);

const known = LAYERS.flat().join('|');

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'folder-in-a-layer',
      comment: 'every folder of src/ has a place in LAYERS above',
      severity: 'error',
      from: { path: `^src/(?!(${known})/)[^/]+/` },
      to: {},
    },
    {
      name: 'composition-root-on-top',
      comment: 'nothing in a folder imports src/*.ts (app.module, entities, main ...): they are the top',
      severity: 'error',
      from: { path: '^src/[^/]+/' },
      to: { path: '^src/[^/]+\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // the console's browser code has its own tsconfig and build; it imports the label tables of lower layers (console/labels.spec.ts)
    exclude: { path: '^src/console/web/' },
    // type-only imports count: a type from a higher layer is a dependency on it all the same
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
