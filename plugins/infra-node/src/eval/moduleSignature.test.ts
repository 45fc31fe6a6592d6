import { parseHcl } from '../hcl/parser';
import { Unresolved } from '../hcl/values';
import {
  conformsToType,
  readModuleSignature,
  readTypeConstraint,
  typeFits,
} from './moduleSignature';

const VARIABLES_TF = `
variable "name" { type = string }
variable "port" {
  type    = number
  default = 80
}
variable "paths" {
  type    = list(string)
  default = ["/"]
}
variable "labels" {
  default = {}
}
variable "host" {
  type    = string
  default = null
}
variable "tls_secret_name" {}
variable "limits" {
  type = object({
    memory = string
    cpu    = optional(string, "10m")
  })
  default = { memory = "64Mi" }
}
`;

function typeOf(text: string) {
  return readTypeConstraint(
    parseHcl('t.tf', `t = ${text}\n`).attributes.t.expr,
  );
}

describe('readModuleSignature', () => {
  const files = [
    parseHcl('modules/app/variables.tf', VARIABLES_TF),
    parseHcl('modules/app/main.tf', 'variable "extra" { type = bool }\n'),
    parseHcl('modules/other/main.tf', 'variable "nope" {}\n'),
  ];

  it('lists every variable of the directory with type, default and whether it is required', () => {
    const sig = readModuleSignature(files, 'modules/app')!;
    expect([...sig.variables.keys()].sort()).toEqual([
      'extra',
      'host',
      'labels',
      'limits',
      'name',
      'paths',
      'port',
      'tls_secret_name',
    ]);
    const v = (n: string) => sig.variables.get(n)!;
    expect(v('name')).toMatchObject({ required: true, typeText: 'string' });
    expect(v('port')).toMatchObject({ required: false, default: 80 });
    expect(v('paths')).toMatchObject({
      typeText: 'list(string)',
      default: ['/'],
      type: { kind: 'list', element: { kind: 'string' } },
    });
    // An untyped variable takes anything; `default = null` makes it optional.
    expect(v('tls_secret_name')).toMatchObject({
      required: true,
      type: { kind: 'any' },
    });
    expect(v('host')).toMatchObject({ required: false, default: null });
    expect(v('extra')).toMatchObject({
      file: 'modules/app/main.tf',
      line: 1,
      required: true,
    });
    expect(v('limits').type).toEqual({
      kind: 'object',
      attributes: {
        memory: { type: { kind: 'string' }, optional: false },
        cpu: { type: { kind: 'string' }, optional: true },
      },
    });
  });

  it('is undefined where there is no module', () => {
    expect(readModuleSignature(files, 'modules/missing')).toBeUndefined();
  });
});

describe('conformsToType', () => {
  it('accepts what Terraform converts', () => {
    expect(conformsToType(80, typeOf('string'))).toEqual({ ok: true });
    expect(conformsToType('80', typeOf('number'))).toEqual({ ok: true });
    expect(conformsToType('true', typeOf('bool'))).toEqual({ ok: true });
    expect(conformsToType(['/a'], typeOf('set(string)'))).toEqual({ ok: true });
    expect(conformsToType({ a: 1 }, typeOf('map(string)'))).toEqual({
      ok: true,
    });
    expect(conformsToType(null, typeOf('number'))).toEqual({ ok: true });
    expect(conformsToType({ x: [1] }, typeOf('any'))).toEqual({ ok: true });
    expect(
      conformsToType(
        { memory: '1Gi', extra: 1 },
        typeOf('object({ memory = string })'),
      ),
    ).toEqual({ ok: true });
  });

  it('refuses what Terraform cannot convert, in words', () => {
    expect(conformsToType(['/a'], typeOf('string'))).toEqual({
      ok: false,
      reason: 'a list is not a string',
    });
    expect(conformsToType('eighty', typeOf('number'))).toEqual({
      ok: false,
      reason: '"eighty" is not a number',
    });
    expect(conformsToType('/a', typeOf('list(string)'))).toEqual({
      ok: false,
      reason: '"/a" is not a list',
    });
    expect(conformsToType(['1', 'x'], typeOf('list(number)'))).toEqual({
      ok: false,
      reason: 'element 1: "x" is not a number',
    });
    expect(
      conformsToType(
        { cpu: '1' },
        typeOf('object({ memory = string, cpu = optional(string) })'),
      ),
    ).toEqual({ ok: false, reason: 'the object lacks the attribute memory' });
    expect(conformsToType('yes', typeOf('bool'))).toEqual({
      ok: false,
      reason: '"yes" is not true or false',
    });
  });

  it('does not judge what is not static', () => {
    expect(conformsToType(new Unresolved('var.x'), typeOf('number'))).toEqual({
      ok: 'unknown',
    });
    expect(
      conformsToType([new Unresolved('var.x')], typeOf('list(number)')),
    ).toEqual({
      ok: 'unknown',
    });
    expect(conformsToType('x', typeOf('newkeyword'))).toEqual({
      ok: 'unknown',
    });
  });
});

describe('typeFits', () => {
  it('says no only where no value could convert', () => {
    expect(typeFits(typeOf('string'), typeOf('string'))).toBe('yes');
    expect(typeFits(typeOf('number'), typeOf('string'))).toBe('yes');
    expect(typeFits(typeOf('string'), typeOf('number'))).toBe('unknown');
    expect(typeFits(typeOf('list(string)'), typeOf('string'))).toBe('no');
    expect(typeFits(typeOf('string'), typeOf('list(string)'))).toBe('no');
    expect(typeFits(typeOf('map(string)'), typeOf('list(string)'))).toBe('no');
    expect(typeFits(typeOf('list(list(string))'), typeOf('list(string)'))).toBe(
      'no',
    );
    expect(typeFits(typeOf('any'), typeOf('string'))).toBe('unknown');
  });
});
