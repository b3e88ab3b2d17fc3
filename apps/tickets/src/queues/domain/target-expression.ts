/**
 * Queue target expressions on agent skills, in the spirit of TaskRouter's
 * worker expressions:
 *
 *   lang.de >= 2 AND (kfz OR melde >= 1) AND NOT trainee
 *
 * A bare skill means "level at least 1". Operators: >= > <= < = != ; AND, OR,
 * NOT (also &&, ||, !) with the usual precedence; parentheses group.
 */
export type TargetExpression =
  | { kind: 'skill'; skill: string; op: Comparison; level: number }
  | { kind: 'not'; operand: TargetExpression }
  | { kind: 'and' | 'or'; operands: TargetExpression[] };

type Comparison = '>=' | '>' | '<=' | '<' | '=' | '!=';

export class TargetExpressionError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'TargetExpressionError';
  }
}

interface Token {
  kind: 'skill' | 'number' | 'op' | 'and' | 'or' | 'not' | '(' | ')' | 'end';
  text: string;
  position: number;
}

const TOKEN = /\s*(?:(>=|<=|!=|==|=|>|<)|(&&|\|\|)|(!)|(\(|\))|(\d+)|([A-Za-z0-9][A-Za-z0-9._-]*))/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < source.length) {
    if (/^\s*$/.test(source.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(source);
    if (!match) throw new TargetExpressionError(`unexpected "${source.slice(position).trim()[0]}"`, position);
    const at = match.index + match[0].length - match[0].trimStart().length;
    const [, op, logical, bang, paren, number, word] = match;
    if (op) tokens.push({ kind: 'op', text: op === '==' ? '=' : op, position: at });
    else if (logical) tokens.push({ kind: logical === '&&' ? 'and' : 'or', text: logical, position: at });
    else if (bang) tokens.push({ kind: 'not', text: bang, position: at });
    else if (paren) tokens.push({ kind: paren as '(' | ')', text: paren, position: at });
    else if (number && !word) tokens.push({ kind: 'number', text: number, position: at });
    else {
      const lower = word.toLowerCase();
      const kind = lower === 'and' ? 'and' : lower === 'or' ? 'or' : lower === 'not' ? 'not' : 'skill';
      tokens.push({ kind, text: kind === 'skill' ? lower : word, position: at });
    }
    position = TOKEN.lastIndex;
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}

/** @throws TargetExpressionError naming what is wrong and where. */
export function parseTargetExpression(source: string): TargetExpression {
  const tokens = tokenize(source);
  let index = 0;
  const peek = () => tokens[index];
  const take = () => tokens[index++];
  const expect = (kind: Token['kind'], what: string) => {
    const token = take();
    if (token.kind !== kind) throw new TargetExpressionError(`expected ${what} but found "${token.text || 'end'}"`, token.position);
    return token;
  };

  const or = (): TargetExpression => {
    const operands = [and()];
    while (peek().kind === 'or') {
      take();
      operands.push(and());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  };
  const and = (): TargetExpression => {
    const operands = [not()];
    while (peek().kind === 'and') {
      take();
      operands.push(not());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  };
  const not = (): TargetExpression => {
    if (peek().kind === 'not') {
      take();
      return { kind: 'not', operand: not() };
    }
    return atom();
  };
  const atom = (): TargetExpression => {
    if (peek().kind === '(') {
      take();
      const inner = or();
      expect(')', '")"');
      return inner;
    }
    const skill = expect('skill', 'a skill name').text;
    if (peek().kind !== 'op') return { kind: 'skill', skill, op: '>=', level: 1 };
    const op = take().text as Comparison;
    const level = Number(expect('number', 'a level').text);
    return { kind: 'skill', skill, op, level };
  };

  const expression = or();
  expect('end', 'the end of the expression');
  return expression;
}

export function matchesTarget(expression: TargetExpression, skills: Record<string, number>): boolean {
  switch (expression.kind) {
    case 'skill':
      return compare(skills[expression.skill] ?? 0, expression.op, expression.level);
    case 'not':
      return !matchesTarget(expression.operand, skills);
    case 'and':
      return expression.operands.every((operand) => matchesTarget(operand, skills));
    case 'or':
      return expression.operands.some((operand) => matchesTarget(operand, skills));
  }
}

/** True when there is no expression; parses on each call (callers cache when it matters). */
export function agentMatchesQueue(source: string | null | undefined, skills: Record<string, number>): boolean {
  return !source?.trim() || matchesTarget(parseTargetExpression(source), skills);
}

function compare(level: number, op: Comparison, wanted: number): boolean {
  switch (op) {
    case '>=':
      return level >= wanted;
    case '>':
      return level > wanted;
    case '<=':
      return level <= wanted;
    case '<':
      return level < wanted;
    case '=':
      return level === wanted;
    case '!=':
      return level !== wanted;
  }
}
