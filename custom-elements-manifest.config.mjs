// `npm run build` writes dist/custom-elements.json from the elements' class JSDoc (`@tagname`,
// `@fires`, `@csspart`, `@cssproperty`, property comments); package.json's `customElements`
// names it. Only the element modules: the manifest describes elements, not the core.

/**
 * The analyzer's Lit support reads `static properties` but not `state: true`: it would list
 * internal reactive state as public attributes. Drops those members and attributes, and
 * declarations a module does not export (locals the analyzer picks up).
 */
function internalStatePlugin() {
  return {
    name: 'shouyin:internal-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const doc = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      const properties = node.members.find(
        (m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'properties' && m.initializer && ts.isObjectLiteralExpression(m.initializer),
      );
      if (!doc || !properties) return;
      const internal = new Set();
      for (const property of properties.initializer.properties) {
        const options = ts.isPropertyAssignment(property) ? property.initializer : undefined;
        if (!options || !ts.isObjectLiteralExpression(options)) continue;
        const state = options.properties.some((o) => ts.isPropertyAssignment(o) && o.name.getText() === 'state' && o.initializer.kind === ts.SyntaxKind.TrueKeyword);
        if (state) internal.add(property.name.getText());
      }
      doc.members = doc.members?.filter((m) => !internal.has(m.name));
      doc.attributes = doc.attributes?.filter((a) => !internal.has(a.fieldName ?? a.name));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const exported = new Set((mod.exports ?? []).map((e) => e.declaration?.name));
        mod.declarations = mod.declarations?.filter((d) => exported.has(d.name));
      }
    },
  };
}

export default {
  globs: [
    'src/checkout/checkout.ts',
    'src/channels/channel-list.ts',
    'src/card/card-form.ts',
    'src/saved-cards/saved-cards.ts',
    'src/checkout/countdown.ts',
    'src/checkout/notices.ts',
    'src/checkout/qr-code.ts',
    'src/assistant/hint.ts',
  ],
  outdir: 'dist',
  litelement: true,
  // The field is written once, by hand: a build must not rewrite package.json.
  packagejson: false,
  plugins: [internalStatePlugin()],
};
