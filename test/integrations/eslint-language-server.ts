/**
 * A minimal LSP client for `vscode-eslint-language-server` (vscode-langservers-extracted), the server that
 * VS Code's ESLint extension runs and that other editors start over stdio: JSON-RPC with Content-Length
 * framing, the settings the server asks for (`workspace/configuration`), pull diagnostics, code actions,
 * and the edits the server asks the editor to apply (`workspace/applyEdit`).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NODE_MODULES } from './support.js';

export const SERVER_BIN = join(NODE_MODULES, 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');

/** The `eslint.*` settings an editor sends (the names of VS Code's settings, without the prefix). */
export interface ServerSettings {
  useFlatConfig?: boolean;
  experimental?: { useFlatConfig?: boolean };
  [name: string]: unknown;
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  message: string;
  severity: number;
  source: string;
  code: string;
  codeDescription?: { href: string };
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface CodeAction {
  title: string;
  kind?: string;
  command?: { command: string; arguments?: unknown[] };
}

/**
 * A complete settings object of the shape VS Code's extension sends (the server reads nested keys such as
 * `experimental.useFlatConfig` and `codeAction.disableRuleComment` without checking that they exist).
 */
export function defaultSettings(workspace: string, overrides: ServerSettings = {}): ServerSettings {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    experimental: { useFlatConfig: false },
    useFlatConfig: true,
    codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: 'workspace', uri: pathToFileURL(workspace).href },
    ...overrides,
  };
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

export class EslintLanguageServer {
  private readonly process: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly versions = new Map<string, number>();
  /** `window/logMessage` texts: what the editor's ESLint output channel shows. */
  readonly log: string[] = [];
  /** Edits the server asked the editor to apply, by document URI. */
  readonly appliedEdits: Array<Record<string, TextEdit[]>> = [];

  private constructor(
    readonly workspace: string,
    private readonly settings: ServerSettings,
  ) {
    this.process = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: workspace, stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.process.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error(`the language server exited; its log:\n${this.log.join('\n')}`));
      this.pending.clear();
    });
  }

  /** Starts the server and completes the LSP handshake with the capabilities an editor announces. */
  static async start(workspace: string, settings: ServerSettings): Promise<EslintLanguageServer> {
    const server = new EslintLanguageServer(workspace, settings);
    const uri = pathToFileURL(workspace).href;
    await server.request('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ name: 'workspace', uri }],
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: false } },
        textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } } } },
      },
    });
    server.notify('initialized', {});
    return server;
  }

  /** Opens a file as an editor does: it exists on disk (the server resolves `eslint` from its folder). */
  open(path: string, text: string, languageId = languageIdOf(path)): string {
    mkdirSync(dirname(join(this.workspace, path)), { recursive: true });
    writeFileSync(join(this.workspace, path), text);
    const uri = pathToFileURL(join(this.workspace, path)).href;
    this.versions.set(uri, 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** A whole-text change, as an edit in the editor sends it (the server also takes incremental ones). */
  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Pull diagnostics (LSP 3.17), which the server provides as `diagnosticProvider`. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = (await this.request('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    return report.items;
  }

  async codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return ((await this.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } })) as CodeAction[] | null) ?? [];
  }

  /** Runs a code action's command; the server answers with `workspace/applyEdit`, recorded in appliedEdits. */
  async execute(action: CodeAction): Promise<Record<string, TextEdit[]>> {
    const before = this.appliedEdits.length;
    await this.request('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments ?? [] });
    if (this.appliedEdits.length !== before + 1) throw new Error(`${action.title}: the server asked for ${this.appliedEdits.length - before} edits`);
    return this.appliedEdits[before]!;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
    } catch {
      // Already gone: nothing to shut down.
    }
    const timer = setTimeout(() => this.process.kill(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.nextId;
    const answer = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.send({ id, method, params });
    return answer;
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private send(message: Message): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.process.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.send({ id: message.id, result: this.answer(message.method, message.params) });
    } else if (message.method !== undefined) {
      if (message.method === 'window/logMessage') this.log.push((message.params as { message: string }).message);
    } else if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(`${message.error.message}\n${this.log.join('\n')}`));
      else waiting?.resolve(message.result);
    }
  }

  /** The editor's side of the server's requests. */
  private answer(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration':
        return (params as { items: unknown[] }).items.map(() => this.settings);
      case 'workspace/applyEdit': {
        // A WorkspaceEdit: `changes` by URI, or `documentChanges` with the document version they apply to.
        const { edit } = params as { edit: { changes?: Record<string, TextEdit[]>; documentChanges?: Array<{ textDocument: { uri: string }; edits: TextEdit[] }> } };
        const changes: Record<string, TextEdit[]> = { ...edit.changes };
        for (const change of edit.documentChanges ?? []) changes[change.textDocument.uri] = [...(changes[change.textDocument.uri] ?? []), ...change.edits];
        this.appliedEdits.push(changes);
        return { applied: true };
      }
      default:
        return null;
    }
  }
}

function languageIdOf(path: string): string {
  if (path.endsWith('.tsx')) return 'typescriptreact';
  if (/\.(c|m)?ts$/.test(path)) return 'typescript';
  if (path.endsWith('.jsx')) return 'javascriptreact';
  return 'javascript';
}

/** Applies LSP text edits (zero-based line and UTF-16 character positions) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  const offsetOf = (position: Position) => lineStarts[position.line]! + position.character;
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsetOf(edit.range.start)) + edit.newText + result.slice(offsetOf(edit.range.end));
  return result;
}
