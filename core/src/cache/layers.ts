// The layer chain of a Dockerfile: which instructions add a layer, what each layer's cache
// depends on (build-context files, other stages, build args) and which layer comes before it.
import { type DockerfileModel, expandValue, type Stage } from '../model';
import type { Instruction } from '../parser';
import { replaceVariableReferences } from '../parser/textScan';
import { copyFacts, runFacts } from './instructionFacts';
import { cleanSourcePath, parentsSource } from './sourceMatch';

/** Only these instructions add a filesystem layer; the others change the image config. */
const LAYER_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'COPY', 'ADD']);

export interface LayerStep {
  instruction: Instruction;
  stage: Stage;
  /** 1-based among the layer-making instructions of its stage. */
  number: number;
  /** The layer this one is built on; undefined for the first layer of a stage (built on FROM). */
  previous: LayerStep | undefined;
  /**
   * Build-context paths it reads (cleaned, relative to the context root; '' is the whole
   * context); a `COPY --parents` source with wildcards as `parent/./pattern` (sourceTakes).
   */
  contextSources: readonly string[];
  /** Whether a context source has a variable whose value is unknown (written as `*`). */
  uncertainSources: boolean;
  /** Stages it copies or mounts from. */
  fromStages: readonly Stage[];
  /** Images (not stages) it copies or mounts from. */
  fromImages: readonly string[];
  /** ARGs declared in its stage before it: a RUN sees them as environment, so their values key its cache. */
  buildArgs: readonly string[];
}

export interface LayerAnalysis {
  model: DockerfileModel;
  steps: readonly LayerStep[];
  stepOf(instruction: Instruction): LayerStep | undefined;
}

const analyses = new WeakMap<DockerfileModel, LayerAnalysis>();

/** The layer chain of a modelled Dockerfile, computed once per model (one model per document version). */
export function analyseLayers(model: DockerfileModel): LayerAnalysis {
  let analysis = analyses.get(model);
  if (!analysis) {
    analysis = buildAnalysis(model);
    analyses.set(model, analysis);
  }
  return analysis;
}

function buildAnalysis(model: DockerfileModel): LayerAnalysis {
  const steps: LayerStep[] = [];
  const byInstruction = new Map<Instruction, LayerStep>();
  const escape = model.tree.escapeChar;
  for (const stage of model.stages) {
    let previous: LayerStep | undefined;
    const args: string[] = [];
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'ARG') {
        for (const pair of instruction.pairs ?? []) if (!args.includes(pair.key.value)) args.push(pair.key.value);
        continue;
      }
      if (!LAYER_KEYWORDS.has(instruction.keyword)) continue;
      const step: LayerStep = {
        instruction,
        stage,
        number: (previous?.number ?? 0) + 1,
        previous,
        contextSources: [],
        uncertainSources: false,
        fromStages: [],
        fromImages: [],
        buildArgs: [],
      };
      const stages: Stage[] = [];
      const images: string[] = [];
      const addFrom = (from: string): void => {
        const source = model.findStage(from);
        if (source && source.index < stage.index) stages.push(source);
        else if (!source) images.push(from);
      };
      if (instruction.keyword === 'RUN') {
        step.buildArgs = [...args];
        const sources: string[] = [];
        for (const mount of runFacts(instruction).mounts) {
          if (mount.type !== 'bind') continue;
          if (mount.from !== undefined) addFrom(mount.from);
          else sources.push(mount.source ?? '.');
        }
        Object.assign(step, expandSources(sources, instruction, model, escape));
      } else {
        const facts = copyFacts(instruction);
        if (facts.from !== undefined) addFrom(facts.from);
        Object.assign(step, expandSources(facts.contextSources, instruction, model, escape, facts.parents));
      }
      step.fromStages = stages;
      step.fromImages = images;
      steps.push(step);
      byInstruction.set(instruction, step);
      previous = step;
    }
  }
  return { model, steps, stepOf: (instruction) => byInstruction.get(instruction) };
}

/**
 * Sources with the builder's expansion of each word (variables, quotes and escape characters:
 * with the default escape `\*` is a plain `*` wildcard, `\\*` reaches the glob as `\*`); an
 * unknown value becomes `*` (any name). `COPY --parents` sources keep BuildKit's form (see
 * parentsSource).
 */
function expandSources(
  sources: readonly string[],
  instruction: Instruction,
  model: DockerfileModel,
  escape: string,
  parents = false,
): Pick<LayerStep, 'contextSources' | 'uncertainSources'> {
  let uncertain = false;
  const clean = parents ? parentsSource : cleanSourcePath;
  const contextSources = sources.map((source) => {
    let scope: ReturnType<DockerfileModel['scopeBefore']> | undefined;
    const expanded = expandValue(
      source,
      (name) => {
        scope ??= model.scopeBefore(instruction);
        return scope.has(name) ? scope.get(name)!.value : '';
      },
      escape,
    );
    if (expanded !== undefined) return clean(expanded);
    if (!source.includes('$')) return clean(source);
    uncertain = true;
    return clean(replaceVariableReferences(source, '*', true));
  });
  return { contextSources, uncertainSources: uncertain };
}
