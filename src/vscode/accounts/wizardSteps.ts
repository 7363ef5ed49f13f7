/**
 * One step of a multi-step quick input with a Back button, which `showInputBox`/`showQuickPick` cannot show.
 * A step resolves with the value, `back` when the person pressed Back (or Alt+Left… as VS Code binds it), or
 * `undefined` when they cancelled (Escape, focus gone without ignoreFocusOut).
 */
import * as vscode from 'vscode';

export const back = Symbol('back');
export type StepResult<T> = T | typeof back | undefined;

/** A button on the step besides Back: pressing it runs `run` and leaves the step open. */
export interface StepButton extends vscode.QuickInputButton {
  run(): void | Thenable<void>;
}

export interface InputStepOptions {
  title: string;
  prompt: string;
  placeholder?: string;
  value?: string;
  password?: boolean;
  /** Offer Back (every step but the first). */
  canGoBack: boolean;
  buttons?: readonly StepButton[];
  /** As showInputBox's: a string or an error-severity message blocks Enter, an Info/Warning one does not. */
  validate?: (text: string) => string | vscode.InputBoxValidationMessage | undefined;
}

function isBlocking(message: string | vscode.InputBoxValidationMessage | undefined): boolean {
  if (message === undefined) return false;
  if (typeof message === 'string') return message !== '';
  return message.message !== '' && message.severity === vscode.InputBoxValidationSeverity.Error;
}

export function inputStep(options: InputStepOptions): Promise<StepResult<string>> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  box.value = options.value ?? '';
  box.password = options.password ?? false;
  box.ignoreFocusOut = true;
  box.buttons = [...(options.canGoBack ? [vscode.QuickInputButtons.Back] : []), ...(options.buttons ?? [])];
  const validate = (text: string) => {
    const message = options.validate?.(text);
    box.validationMessage = message === '' ? undefined : message;
    return message;
  };
  // An empty step shows its prompt (where to find the value, the redirect URI) until the person types or presses
  // Enter: "Enter the client id." in its place would hide what they need to read first.
  if (box.value !== '') validate(box.value);
  return runStep<string>(box, (finish) => {
    box.onDidChangeValue(validate);
    box.onDidAccept(() => {
      if (!isBlocking(validate(box.value))) finish(box.value);
    });
    box.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish(back);
      else void (button as StepButton).run?.();
    });
  });
}

export interface PickStepOptions<T extends vscode.QuickPickItem> {
  title: string;
  placeholder: string;
  items: readonly T[];
  /** The item shown as chosen when the step opens (coming back to it, or editing after a failure). */
  active?: T;
  canGoBack: boolean;
  matchOnDetail?: boolean;
}

export function pickStep<T extends vscode.QuickPickItem>(options: PickStepOptions<T>): Promise<StepResult<T>> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.items = options.items;
  pick.matchOnDetail = options.matchOnDetail ?? false;
  pick.ignoreFocusOut = true;
  if (options.active) pick.activeItems = [options.active];
  pick.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  return runStep<T>(pick, (finish) => {
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems;
      if (chosen) finish(chosen);
    });
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish(back);
    });
  });
}

/**
 * Shows a quick input and resolves once: with what `wire`'s handlers finish with, or `undefined` when it hides
 * (Escape). Disposing after the first answer keeps a late hide from answering again.
 */
function runStep<T>(input: vscode.QuickInput, wire: (finish: (result: StepResult<T>) => void) => void): Promise<StepResult<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: StepResult<T>) => {
      if (settled) return;
      settled = true;
      resolve(result);
      input.dispose();
    };
    wire(finish);
    input.onDidHide(() => finish(undefined));
    input.show();
  });
}
