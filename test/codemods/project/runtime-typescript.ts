/**
 * The runtime as one TypeScript module, for `--copy-runtime` into TypeScript projects: src/runtime and the
 * knowledge it uses, concatenated in dependency order into one scope, names that two modules share
 * renamed, external imports merged, and what the entry does not reach removed (so that `noUnusedLocals`
 * holds in the target). The result is kept in codemods/project/runtime-source.generated.ts, which the
 * test beside this file regenerates with `-u`.
 */
import { dirname, relative, resolve } from 'node:path';
import { Node, Project, SyntaxKind, type Identifier, type SourceFile, type Statement } from 'ts-morph';

interface ExternalImport {
  readonly imported: string;
  typeOnly: boolean;
}

export function bundleRuntimeSource(entryPath: string): string {
  const project = new Project({ skipAddingFilesFromTsConfig: true, compilerOptions: { strict: true, allowJs: false } });
  const entry = project.addSourceFileAtPath(entryPath);
  const root = dirname(dirname(entryPath));

  // Modules in dependency order (post-order over relative imports and re-exports).
  const order: SourceFile[] = [];
  const seen = new Set<string>();
  const visit = (file: SourceFile) => {
    if (seen.has(file.getFilePath())) return;
    seen.add(file.getFilePath());
    for (const declaration of [...file.getImportDeclarations(), ...file.getExportDeclarations()]) {
      const specifier = declaration.getModuleSpecifierValue();
      if (!specifier?.startsWith('.')) continue;
      const target = resolve(dirname(file.getFilePath()), specifier.replace(/\.js$/, '.ts'));
      visit(project.getSourceFile(target) ?? project.addSourceFileAtPath(target));
    }
    order.push(file);
  };
  visit(entry);

  // One scope: a name declared by two modules is renamed in the later one (and where it is imported).
  const external = new Map<string, Map<string, ExternalImport>>();
  const externalLocals = new Set<string>();
  for (const file of order) {
    for (const declaration of file.getImportDeclarations()) {
      const specifier = declaration.getModuleSpecifierValue();
      if (specifier.startsWith('.')) {
        // One scope: an alias becomes the imported name again (renamed below with the declaration if it collides).
        for (const named of declaration.getNamedImports()) if (named.getAliasNode()) named.removeAliasWithRename();
        if (declaration.getNamespaceImport() || declaration.getDefaultImport()) throw new Error(`${file.getFilePath()}: only named relative imports are supported`);
        continue;
      }
      if (declaration.getNamespaceImport() || declaration.getDefaultImport()) throw new Error(`${file.getFilePath()}: only named imports of ${specifier} are supported`);
      const locals = external.get(specifier) ?? new Map<string, ExternalImport>();
      external.set(specifier, locals);
      for (const named of declaration.getNamedImports()) {
        const local = named.getAliasNode()?.getText() ?? named.getName();
        const typeOnly = declaration.isTypeOnly() || named.isTypeOnly();
        const known = locals.get(local);
        if (known && known.imported !== named.getName()) throw new Error(`${local} names two imports of ${specifier}`);
        if (known) known.typeOnly &&= typeOnly;
        else locals.set(local, { imported: named.getName(), typeOnly });
        externalLocals.add(local);
      }
    }
  }
  const declared = new Set<string>(externalLocals);
  for (const file of order) {
    if (file === entry) continue;
    const stem = relative(root, file.getFilePath()).replace(/\.ts$/, '').replace(/[^A-Za-z0-9]+(.)/g, (_match, next: string) => next.toUpperCase());
    for (const statement of file.getStatements()) {
      for (const nameNode of declaredNames(statement)) {
        const name = nameNode.getText();
        if (declared.has(name)) nameNode.rename(`${name}_${stem}`, { usePrefixAndSuffixText: true });
        declared.add(nameNode.getText());
      }
    }
  }

  const exportList: string[] = [];
  const bodies: string[] = [];
  for (const file of order) {
    const parts: string[] = [];
    for (const statement of file.getStatements()) {
      if (Node.isImportDeclaration(statement)) continue;
      if (Node.isExportDeclaration(statement)) {
        if (file === entry) {
          for (const named of statement.getNamedExports()) {
            const alias = named.getAliasNode()?.getText();
            const type = statement.isTypeOnly() || named.isTypeOnly() ? 'type ' : '';
            exportList.push(`${type}${named.getName()}${alias ? ` as ${alias}` : ''}`);
          }
        }
        continue;
      }
      if (Node.isExportAssignment(statement)) throw new Error(`${file.getFilePath()}: export default / export = is not supported`);
      if (file !== entry && Node.isExportable(statement) && statement.isExported()) statement.setIsExported(false);
      parts.push(statement.getText(true));
    }
    if (parts.length > 0) bodies.push(`// ${relative(root, file.getFilePath())}\n${parts.join('\n\n')}`);
  }

  const imports = [...external].map(([specifier, locals]) => {
    const names = [...locals].map(([local, { imported, typeOnly }]) => `${typeOnly ? 'type ' : ''}${imported === local ? local : `${imported} as ${local}`}`);
    return `import { ${names.join(', ')} } from '${specifier}';`;
  });
  const merged = `${imports.join('\n')}\n\n${bodies.join('\n\n')}\n\nexport {\n  ${exportList.join(',\n  ')},\n};\n`;
  return withoutUnusedDeclarations(merged);
}

/** The identifiers a top-level statement declares. */
function declaredNames(statement: Statement): Identifier[] {
  if (Node.isVariableStatement(statement)) {
    return statement.getDeclarations().flatMap((declaration) => {
      const name = declaration.getNameNode();
      return Node.isIdentifier(name) ? [name] : [];
    });
  }
  if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) || Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement) || Node.isEnumDeclaration(statement)) {
    const name = statement.getNameNode();
    return name ? [name] : [];
  }
  return [];
}

/** Removes top-level declarations and imports nothing uses, until none is left. */
function withoutUnusedDeclarations(text: string): string {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true } });
  const file = project.createSourceFile('/runtime.ts', text);
  for (let removed = true; removed; ) {
    removed = false;
    for (const statement of file.getStatements()) {
      const names = declaredNames(statement);
      if (names.length === 0) continue;
      const used = names.some((name) => name.findReferencesAsNodes().some((reference) => reference !== name && !isInside(reference, statement)));
      if (!used) {
        statement.remove();
        removed = true;
      }
    }
  }
  for (const declaration of file.getImportDeclarations()) {
    for (const named of declaration.getNamedImports()) {
      const local = named.getAliasNode() ?? named.getNameNode();
      if (!Node.isIdentifier(local)) continue;
      if (!local.findReferencesAsNodes().some((reference) => reference !== local && reference.getFirstAncestorByKind(SyntaxKind.ImportDeclaration) !== declaration)) named.remove();
    }
    if (declaration.getNamedImports().length === 0) declaration.remove();
  }
  return file.getFullText();
}

function isInside(node: Node, container: Node): boolean {
  return node.getPos() >= container.getPos() && node.getEnd() <= container.getEnd();
}
