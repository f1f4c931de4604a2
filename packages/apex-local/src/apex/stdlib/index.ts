/** Assemble the standard library. */
import { installCollections } from './collections.ts';
import { installDatabase } from './database.ts';
import { installDatetime } from './datetime.ts';
import { installEnums } from './enums.ts';
import { installHttp } from './http.ts';
import { installInterfaces } from './interfaces.ts';
import { installJson } from './json.ts';
import { installMessaging } from './messaging.ts';
import { installMetadata } from './metadata.ts';
import { installRegex } from './regex.ts';
import { installNumbers } from './numbers.ts';
import { Stdlib } from './registry.ts';
import { installSchema } from './schema.ts';
import { installStrings } from './strings.ts';
import { installSystem } from './system.ts';

export function createStdlib(): Stdlib {
  const lib = new Stdlib();
  installEnums(lib);
  installStrings(lib);
  installCollections(lib);
  installNumbers(lib);
  installDatetime(lib);
  installSystem(lib);
  installDatabase(lib);
  installJson(lib);
  installHttp(lib);
  installSchema(lib);
  installInterfaces(lib);
  installRegex(lib);
  installMetadata(lib);
  installMessaging(lib);
  return lib;
}

export { Stdlib };
