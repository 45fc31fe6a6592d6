import { costOf, partitionByStack, stackNameOf } from './partition';

const file = (p: string, bytes: number) => ({
  path: p,
  content: 'x'.repeat(bytes),
});

describe('partitionByStack', () => {
  const files = [
    file('terragrunt.hcl', 10),
    file('modules/kubernetes/ingress_factory/main.tf', 10),
    file('stacks/big/main.tf', 600),
    file('stacks/big/modules/app/main.tf', 300),
    file('stacks/mid/main.tf', 500),
    file('stacks/small/main.tf', 350),
    file('stacks/terragrunt.hcl', 5),
  ];

  it('keeps each stack whole, and gives every part the files outside the stacks', () => {
    const parts = partitionByStack(files, [0.5, 0.5]);
    expect(parts.map(p => [...p.stacks].sort())).toEqual([
      ['big'],
      ['mid', 'small'],
    ]);
    for (const p of parts)
      expect(p.files.map(f => f.path)).toEqual(
        expect.arrayContaining([
          'terragrunt.hcl',
          'modules/kubernetes/ingress_factory/main.tf',
          'stacks/terragrunt.hcl',
        ]),
      );
    expect(parts[0].files.map(f => f.path)).toContain(
      'stacks/big/modules/app/main.tf',
    );
    expect(parts.map(p => p.stackBytes)).toEqual([900, 850]);
  });

  it('keeps the order of the files in each part', () => {
    const [first] = partitionByStack(files, [0.5, 0.5]);
    const order = files.map(f => f.path);
    const positions = first.files.map(f => order.indexOf(f.path));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('weighs the parts by their shares', () => {
    const parts = partitionByStack(files, [0.8, 0.2]);
    expect(parts[1].stackBytes).toBeLessThan(parts[0].stackBytes);
  });

  it('weighs HCL above the data files a stack only points at', () => {
    const parts = partitionByStack(
      [
        file('stacks/monitoring/main.tf', 100),
        file('stacks/monitoring/values.yaml', 2400),
        file('stacks/a/main.tf', 300),
        file('stacks/b/main.tf', 300),
        file('stacks/c/main.tf', 300),
      ],
      [0.5, 0.5],
    );
    // By raw bytes, monitoring alone would outweigh a, b and c together.
    expect(parts.map(p => [...p.stacks].sort())).toEqual([
      ['c', 'monitoring'],
      ['a', 'b'],
    ]);
    expect(costOf(file('x/values.yaml', 800))).toBe(100);
    expect(costOf(file('x/main.tf', 800))).toBe(800);
  });

  it('names the stack of a path', () => {
    expect(stackNameOf('stacks/blog/main.tf')).toBe('blog');
    expect(stackNameOf('stacks/terragrunt.hcl')).toBeUndefined();
    expect(stackNameOf('modules/x/main.tf')).toBeUndefined();
  });
});
