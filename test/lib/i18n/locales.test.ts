/**
 * The locales are complete and used, and no user-facing text is written into the UI code:
 * - every locale has exactly the English catalogue's messages, with the same placeholders;
 * - every message is used (`t('key')`, `tPlural('key', ...)`, `__MSG_key__`), and every key the
 *   code uses exists;
 * - components (.tsx and .ts under components/) hold no user-facing literal: JSX text, a string
 *   in a user-facing attribute or prop, or a string or template that reads as words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { placeholderNames, type MessageCatalog } from '../../../lib/i18n/message-format';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LOCALES = path.join(ROOT, 'public/_locales');

function catalogue(locale: string): MessageCatalog {
  return JSON.parse(
    readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8'),
  ) as MessageCatalog;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** Where messages may be used: the product's code and the build configuration. */
const CODE = [...['components', 'entrypoints', 'lib'].flatMap(sourceFiles), 'wxt.config.ts'];

/**
 * Components whose text is not translated yet, left out of the literal check.
 * - components/card: the hover card for readers landed from main after the catalogues were
 *   written and is still English only; its text moves to `card_*` messages (see CONTRIBUTING.md,
 *   "Translating the card"), and this exclusion is then removed.
 */
const NOT_YET_TRANSLATED = ['components/card/'];

/** Attributes and props whose value is shown to people (or read out by screen readers). */
const USER_FACING_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'title',
  'placeholder',
  'label',
  'caption',
  'summary',
  'sublabel',
  'note',
  'legend',
  'hint',
  'description',
  'message',
  'text',
]);

/** Words: two letters in a row, in any script. */
const WORD = /\p{L}{2,}/u;
/** Reads as text: a capitalised word, or words with a space between them. */
const PROSE = /^\p{Lu}\p{Ll}+|\p{L}{2,}[\s,.:;!?…]+\p{L}/u;

/** Strings that are code, not text: CSS values, URLs and match patterns. */
const NOT_TEXT =
  /^[\w-]+\.(js|css|json|html)$|var\(--|\d+px\b|rgba?\(|:\/\/|^[\w-]+(\s[\w-]+)*\s*:\s*[^\s]/;

/** Calls whose string arguments are for developers, or are not text at all. */
const TECHNICAL_CALLS =
  /^(console\.\w+|t|tPlural|Error|TypeError|RangeError|querySelector(All)?|closest|matches|getElementById|addEventListener|removeEventListener|createElement|setAttribute|getAttribute|removeAttribute|hasAttribute|setProperty|getPropertyValue|performance\.\w+|send|useReply|postMessage|sendToBackground|loadChunk|import|require|getURL|startsWith|endsWith|includes|split|join|replace|padStart|toLocaleString|Intl\.\w+|new Intl\.\w+)$/;

function callName(node: ts.CallExpression | ts.NewExpression): string {
  const e = node.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    return ts.isIdentifier(e.expression) && e.expression.text === 'console'
      ? `console.${e.name.text}`
      : ts.isIdentifier(e.expression) && ['performance', 'Intl'].includes(e.expression.text)
        ? `${e.expression.text}.${e.name.text}`
        : e.name.text;
  }
  return '';
}

/** The user-facing literals of one file, as "file:line: text". */
function literalsIn(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${file}:${line}: ${JSON.stringify(value.trim().slice(0, 60))}`);
  };
  const technical = (node: ts.Node): boolean => {
    for (let p = node.parent; p; p = p.parent) {
      if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p))
        return true;
      if (ts.isJsxAttribute(p)) {
        const name = p.name.getText(source);
        return !USER_FACING_PROPS.has(name);
      }
      if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && TECHNICAL_CALLS.test(callName(p))) {
        return true;
      }
      if (ts.isPropertyAssignment(p)) {
        const key = p.name.getText(source).replace(/['"]/g, '');
        if (USER_FACING_PROPS.has(key)) return false;
        if (
          /^(id|key|class|className|role|type|kind|format|color|name|value|href)$|^aria-(controls|labelledby|describedby)$/.test(
            key,
          )
        ) {
          return true;
        }
      }
      if (ts.isBinaryExpression(p) && /^(===|!==|==|!=)$/.test(p.operatorToken.getText(source))) {
        return true;
      }
      if (ts.isCaseClause(p) || ts.isElementAccessExpression(p)) return true;
      if (ts.isBlock(p) || ts.isSourceFile(p)) return false;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (WORD.test(node.text)) report(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const inUserProp =
        ts.isJsxAttribute(node.parent) && USER_FACING_PROPS.has(node.parent.name.getText(source));
      if (NOT_TEXT.test(node.text)) {
        // CSS, a URL or a pattern.
      } else if (
        (inUserProp && WORD.test(node.text)) ||
        (PROSE.test(node.text) && !technical(node))
      ) {
        report(node, node.text);
      }
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      const words = parts.join(' ');
      if (
        /\p{L}{2,}\s+\p{L}{2,}|\p{L}{3,}/u.test(words) &&
        !NOT_TEXT.test(words) &&
        !technical(node)
      ) {
        report(node, words);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('locales', () => {
  const english = catalogue('en');
  const locales = readdirSync(LOCALES);

  it('has English and German', () => {
    expect(locales.toSorted()).toEqual(['de', 'en']);
  });

  it.each(locales.filter((l) => l !== 'en'))(
    '%s has every English message and no other',
    (locale) => {
      const other = catalogue(locale);
      expect(Object.keys(other).toSorted()).toEqual(Object.keys(english).toSorted());
      for (const [key, entry] of Object.entries(other)) {
        expect(entry.message, `${locale}: ${key} is empty`).not.toBe('');
        expect(placeholderNames(entry), `${locale}: ${key}'s placeholders`).toEqual(
          placeholderNames(english[key] as typeof entry),
        );
      }
    },
  );

  it('names messages <area>_<camelCaseName>, within the browsers’ rules', () => {
    for (const key of Object.keys(english))
      expect(key).toMatch(/^[a-z]+_[a-z][A-Za-z0-9]*(_one|_other)?$/);
  });

  it('uses every message, and every message used exists', () => {
    const code = CODE.map((f) => readFileSync(path.join(ROOT, f), 'utf8')).join('\n');
    const used = new Set<string>();
    for (const m of code.matchAll(/\b(?:t|tPlural)\(\s*'([A-Za-z0-9_]+)'/g))
      used.add(m[1] as string);
    for (const m of code.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1] as string);
    // Messages chosen by a computed key list their keys in a `MessageKey` table (`'status_x'`).
    for (const m of code.matchAll(/'([a-z]+_[a-z][A-Za-z0-9]*)'/g)) {
      if (m[1] && m[1] in english) used.add(m[1]);
    }
    const plurals = [...used]
      .flatMap((k) => [`${k}_one`, `${k}_other`])
      .filter((k) => k in english);
    for (const k of plurals) used.add(k);
    const unused = Object.keys(english).filter((k) => !used.has(k));
    expect(unused, 'messages no code uses').toEqual([]);
    const missing = [...used].filter(
      (k) => !(k in english) && !(`${k}_one` in english) && /_/.test(k),
    );
    expect(missing, 'keys the code uses that no catalogue has').toEqual([]);
  });

  it('leaves no user-facing literal in components (the card excepted, for now)', () => {
    const files = sourceFiles('components').filter(
      (f) => !NOT_YET_TRANSLATED.some((prefix) => f.startsWith(prefix)),
    );
    expect(files.flatMap(literalsIn)).toEqual([]);
  });
});
