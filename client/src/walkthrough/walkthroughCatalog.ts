// The commands behind the walkthrough's buttons, as data (their handlers are in
// walkthroughCommands.ts); a unit test keeps package.json's `contributes.commands` in step.

export const walkthroughCommands = {
  /** Opens the example (copying it first when needed), optionally showing an instruction's hover or quick fixes. */
  openExample: 'layerwise.walkthrough.openExample',
  /** Puts the manifest copy and the install before the source copy. */
  reorderExample: 'layerwise.walkthrough.reorderExample',
  buildExample: 'layerwise.walkthrough.buildExample',
  runExample: 'layerwise.walkthrough.runExample',
} as const;

/** The walkthrough's id in package.json; VS Code knows it as `layerwise.layerwise#learnDocker`. */
export const WALKTHROUGH_ID = 'learnDocker';

/** The folder name of the example, in the extension (examples/) and where it is copied. */
export const EXAMPLE_FOLDER = 'learn-docker';
