import { parseHcl } from '../hcl/parser';
import { isUnresolved } from '../hcl/values';
import { resolve } from './evaluate';
import { scopeOfFiles } from './scopeOfFiles';

/** The locals of one file, evaluated in the stack's scope. */
function locals(source: string) {
  const file = parseHcl('stacks/x/main.tf', source);
  const scope = scopeOfFiles([file], 'stacks/x', parseHcl);
  const attrs = file.blocks[0].attributes;
  return (name: string) => resolve(attrs[name].expr, scope);
}

describe('hash functions', () => {
  it('hash a string as Terraform does, so names built from a checksum resolve', () => {
    const value = locals(`locals {
  empty  = sha256("")
  hello  = md5("hello")
  sha1   = sha1("hello")
  b64    = base64sha256("hello")
  long   = sha512("a")
  name   = "schema-\${substr(sha256(local.sql), 0, 8)}"
  sql    = "CREATE DATABASE x;"
  secret = sha256(var.password)
}
variable "password" {}
`);
    expect(value('empty')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(value('hello')).toBe('5d41402abc4b2a76b9719d911017c592');
    expect(value('sha1')).toBe('aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
    expect(value('b64')).toBe('LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=');
    expect(String(value('long')).length).toBe(128);
    expect(value('name')).toBe('schema-bc84a7fe');
    // Unknown input stays unknown, never a hash of a placeholder.
    expect(isUnresolved(value('secret'))).toBe(true);
  });
});
