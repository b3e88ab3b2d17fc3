import { agentMatchesQueue, matchesTarget, parseTargetExpression, TargetExpressionError } from './target-expression';

describe('queue target expressions', () => {
  const sut = (source: string, skills: Record<string, number>) => matchesTarget(parseTargetExpression(source), skills);

  it('treats a bare skill as level 1 or more', () => {
    expect(sut('kfz', { kfz: 1 })).toBe(true);
    expect(sut('kfz', { kfz: 0 })).toBe(false);
    expect(sut('kfz', {})).toBe(false);
  });

  it('compares levels', () => {
    expect(sut('lang.de >= 3', { 'lang.de': 3 })).toBe(true);
    expect(sut('lang.de > 3', { 'lang.de': 3 })).toBe(false);
    expect(sut('lang.de <= 2', { 'lang.de': 3 })).toBe(false);
    expect(sut('lang.de < 4', {})).toBe(true);
    expect(sut('lang.de == 2', { 'lang.de': 2 })).toBe(true);
    expect(sut('lang.de != 2', { 'lang.de': 2 })).toBe(false);
  });

  it('binds AND tighter than OR and honours NOT and parentheses', () => {
    const skills = { a: 1, c: 1 };
    expect(sut('a OR b AND c', { b: 0, c: 1 })).toBe(false);
    expect(sut('a OR b AND c', skills)).toBe(true);
    expect(sut('(a OR b) AND NOT c', skills)).toBe(false);
    expect(sut('a && !b', skills)).toBe(true);
    expect(sut('lang.de >= 2 and (kfz or melde >= 1) and not trainee', { 'lang.de': 2, melde: 1 })).toBe(true);
    expect(sut('lang.de >= 2 and (kfz or melde >= 1) and not trainee', { 'lang.de': 2, melde: 1, trainee: 1 })).toBe(false);
  });

  it('is case-insensitive for skill names and keywords', () => {
    expect(sut('KFZ And Lang.DE', { kfz: 1, 'lang.de': 1 })).toBe(true);
  });

  it.each([
    ['kfz >=', 'expected a level but found "end" at position 6'],
    ['(kfz', 'expected ")" but found "end"'],
    ['kfz kfz', 'expected the end of the expression but found "kfz"'],
    ['AND kfz', 'expected a skill name but found "AND"'],
    ['kfz > x', 'expected a level but found "x"'],
    ['kfz $ 2', 'unexpected "$"'],
  ])('refuses %j', (source, message) => {
    expect(() => parseTargetExpression(source)).toThrow(TargetExpressionError);
    expect(() => parseTargetExpression(source)).toThrow(message);
  });

  it('lets everyone serve a queue without expression', () => {
    expect(agentMatchesQueue(undefined, {})).toBe(true);
    expect(agentMatchesQueue('  ', {})).toBe(true);
    expect(agentMatchesQueue('kfz', {})).toBe(false);
  });
});
