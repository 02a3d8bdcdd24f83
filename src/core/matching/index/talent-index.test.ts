import { describe, expect, it } from 'vitest';
import type { Candidate, HeldSkill } from '../types.js';
import { TalentIndex } from './talent-index.js';

const skill = (skillId: string, level: number, evidence: string | null = 'cv'): HeldSkill => ({
  skillId,
  level,
  evidence,
});

/** What the index should give back: each skill once, at its first place, with its last claim. */
function deduplicated(c: Candidate): Candidate {
  const last = new Map<string, HeldSkill>();
  for (const s of c.skills) last.set(s.skillId, s);
  const order = [...new Set(c.skills.map((s) => s.skillId))];
  return { ...c, skills: order.map((id) => last.get(id) as HeldSkill) };
}

describe('TalentIndex', () => {
  const pool: Candidate[] = [
    { id: 'b', name: 'Bea', source: 'employee', skills: [skill('python', 4), skill('sql', 2.5, null)] },
    { id: 'a', name: 'Ana', source: 'freelance', skills: [skill('sql', 3), skill('rag', 5, 'mission')] },
    { id: 'é-1', name: '李雷', source: 'freelance', skills: [skill('llm', 3, '面试')] },
    {
      id: 'c',
      name: 'Céline',
      source: 'employee',
      skills: [skill('python', 1), skill('llm', 2), skill('python', 5, 'self')],
    },
  ];

  it('gives back what it was given, levels and evidence included', () => {
    const index = TalentIndex.build(pool);
    expect(index.size).toBe(4);
    for (const c of pool) expect(index.get(c.id)).toEqual(deduplicated(c));
    expect(index.get('zz')).toBeUndefined();
    expect(index.has('a')).toBe(true);
  });

  it('keeps the last record of an id given twice to build', () => {
    const twice = [
      ...pool,
      { id: 'a', name: 'Ana 2', source: 'employee' as const, skills: [skill('go', 2)] },
    ];
    const index = TalentIndex.build(twice);
    expect(index.size).toBe(4);
    expect(index.get('a')).toEqual(twice[4]);
    expect(index.stats().dead).toBe(0);
  });

  it('upserts and removes incrementally, and compacts without losing anyone', () => {
    const index = TalentIndex.build(pool);
    index.upsert({ id: 'b', name: 'Bea', source: 'freelance', skills: [skill('rust', 3)] });
    index.upsert({ id: 'd', name: 'Dan', source: 'employee', skills: [] });
    expect(index.remove('c')).toBe(true);
    expect(index.remove('c')).toBe(false);
    expect(index.size).toBe(4);
    expect(index.stats()).toMatchObject({ talents: 4, ordinals: 6, dead: 2 });
    const before = ['a', 'b', 'd', 'é-1'].map((id) => index.get(id));
    index.compact();
    expect(index.stats()).toMatchObject({ talents: 4, ordinals: 4, dead: 0 });
    expect(['a', 'b', 'd', 'é-1'].map((id) => index.get(id))).toEqual(before);
    expect(index.get('b')?.skills).toEqual([skill('rust', 3)]);
    index.upsert({ id: 'c', name: 'Céline', source: 'employee', skills: [skill('sql', 4)] });
    expect(index.get('c')?.skills).toEqual([skill('sql', 4)]);
  });

  it('turns a skill list into a bitmap once it gets dense', () => {
    const index = TalentIndex.build([], { bitmapDensity: 0.25 });
    for (let i = 0; i < 200; i++) {
      index.upsert({ id: `t${i}`, name: '', source: 'employee', skills: [skill(i % 2 ? 'x' : `s${i}`, 1)] });
    }
    const stats = index.stats();
    expect(stats.bitmapSkills).toBe(1);
    expect(stats.listSkills).toBe(100);
    expect(index.get('t199')?.skills).toEqual([skill('x', 1)]);
  });

  it('stays compact: about five bytes a held skill in typed arrays', () => {
    const many: Candidate[] = [];
    for (let i = 0; i < 20000; i++) {
      const skills = [];
      for (let k = 0; k < 20; k++) skills.push(skill(`s${(i * 31 + k * 17) % 400}`, 1 + (k % 5)));
      many.push({ id: `t${String(i).padStart(6, '0')}`, name: `n${i}`, source: 'employee', skills });
    }
    const stats = TalentIndex.build(many).stats();
    expect(stats.heldSkills).toBe(400000);
    expect(stats.typedArrayBytes / many.length).toBeLessThan(150);
  });
});
