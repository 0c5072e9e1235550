// Claims a Dockerfile's build slot before a build starts: when another build of the same
// Dockerfile runs, a modal asks whether to stop it and start again or to keep it (see
// buildTracker.ts for the rules). Used by the Build Image command and the layerwise-build task.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n, t } from '../l10n/displayLanguage';
import {
  decideOnRunningBuild,
  runningBuildQuestion,
  type BuildTicket,
  type BuildTracker,
  type RunningBuildAnswer,
} from './buildTracker';

/**
 * Each answer either ends the loop or replaces the build asked about; another may start meanwhile, so
 * ask again, a few times.
 */
const maxQuestions = 3;

export interface BuildHandle {
  readonly stop: () => void;
  readonly reveal?: (() => void) | undefined;
}

/** The ticket for a new build, or undefined when the user keeps the running build (its terminal is shown). */
export async function claimBuildSlot(
  tracker: BuildTracker,
  dockerfileUri: string,
  imageTag: string,
  handle: BuildHandle,
): Promise<BuildTicket | undefined> {
  let replace: number | undefined;
  for (let question = 0; question <= maxQuestions; question++) {
    const attempt = tracker.tryStart(dockerfileUri, imageTag, handle, { replace });
    if (attempt.kind === 'started') return attempt.build;
    if (question === maxQuestions) break;
    const fileName = path.basename(vscode.Uri.parse(dockerfileUri).fsPath);
    const { message, detail } = runningBuildQuestion(fileName, attempt.running, Date.now(), l10n);
    const restartChoice = t('Stop It and Build Again');
    const keepChoice = t('Keep Running');
    const picked = await vscode.window.showWarningMessage(message, { modal: true, detail }, restartChoice, keepChoice);
    const answer: RunningBuildAnswer | undefined =
      picked === restartChoice ? 'restart' : picked === keepChoice ? 'keep' : undefined;
    const decision = decideOnRunningBuild(attempt.running, answer);
    if (decision.kind === 'keep') {
      tracker.reveal(dockerfileUri);
      return undefined;
    }
    replace = decision.replace;
  }
  return undefined;
}

/** A task terminal that only says something and ends (a build task that did not start). */
export class NoticeTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  // biome-ignore lint/suspicious/noConfusingVoidType: vscode.Pseudoterminal's onDidClose is Event<number | void>.
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;

  constructor(
    private readonly text: string,
    private readonly exitCode: number,
  ) {}

  open(): void {
    this.writeEmitter.fire(`\x1b[33m${this.text}\x1b[0m\r\n`);
    this.closeEmitter.fire(this.exitCode);
  }

  close(): void {
    // Nothing runs.
  }
}
