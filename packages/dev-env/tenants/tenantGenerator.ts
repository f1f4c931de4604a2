/**
 * Generates employee tenants deterministically (same seed, same tenant): used by generatePinnacle.ts for the
 * bundled fixture and by the benchmark for its 1k / 10k / 100k tenants.
 */
import type { ChangeOp, GraphUser, TenantFixture, TenantGroup, TenantRule } from '../graph/tenantFixture.ts';
import { createRandom, type Random } from './random.ts';

export interface DepartmentSpec {
  /** department name and Entra group display name */
  name: string;
  /** share of employees, relative to the other departments */
  weight: number;
  titles: string[];
  office: string;
  /** the provisioning rule for the group; no rule = people in it are out of the sync's scope */
  rule?: Omit<TenantRule, 'group'>;
  /** external partners: different company name and employee type */
  external?: { companyName: string };
}

export interface TenantSpec {
  seed: number;
  employees: number;
  domain: string;
  companyName: string;
  tenantDisplayName: string;
  departments: DepartmentSpec[];
  settings: TenantFixture['settings'];
}

export interface GeneratedTenant {
  fixture: TenantFixture;
  random: Random;
  /** group id per department name */
  groupIds: Map<string, string>;
  /** department name per user id */
  departmentOf: Map<string, string>;
  /** makes one more employee of a department (for new hires in change sets) */
  newEmployee(department: string): GraphUser;
}

const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Oliver',
  'Sophia',
  'Elijah',
  'Isabella',
  'James',
  'Mia',
  'William',
  'Amelia',
  'Benjamin',
  'Harper',
  'Lucas',
  'Evelyn',
  'Henry',
  'Abigail',
  'Alexander',
  'Emily',
  'Daniel',
  'Ella',
  'Matthew',
  'Elizabeth',
  'Samuel',
  'Camila',
  'David',
  'Luna',
  'Joseph',
  'Sofia',
  'Carter',
  'Avery',
  'Owen',
  'Mila',
  'Wyatt',
  'Aria',
  'John',
  'Scarlett',
  'Jack',
  'Penelope',
  'Luke',
  'Layla',
  'Jayden',
  'Chloe',
  'Dylan',
  'Victoria',
  'Grayson',
  'Madison',
  'Levi',
  'Eleanor',
  'Isaac',
  'Grace',
  'Gabriel',
  'Nora',
  'Julian',
  'Riley',
  'Mateo',
  'Zoey',
  'Anthony',
  'Hannah',
  'Jaxon',
  'Hazel',
  'Lincoln',
  'Lily',
  'Joshua',
  'Ellie',
  'Christopher',
  'Violet',
  'Andrew',
  'Lillian',
  'Theodore',
  'Zoe',
  'Caleb',
  'Stella',
  'Ryan',
  'Aurora',
  'Asher',
  'Natalie',
  'Nathan',
  'Emilia',
  'Thomas',
  'Everly',
  'Leo',
  'Leah',
  'Isaiah',
  'Aubrey',
  'Charles',
  'Willow',
  'Josiah',
  'Priya',
  'Arjun',
  'Mei',
  'Hiroshi',
  'Fatima',
  'Omar',
  'Ingrid',
  'Lars',
  'Chiara',
  'Matteo',
  'Zainab',
  'Kwame',
];
const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Gomez',
  'Phillips',
  'Evans',
  'Turner',
  'Diaz',
  'Parker',
  'Cruz',
  'Edwards',
  'Collins',
  'Reyes',
  'Stewart',
  'Morris',
  'Morales',
  'Murphy',
  'Cook',
  'Rogers',
  'Gutierrez',
  'Ortiz',
  'Morgan',
  'Cooper',
  'Peterson',
  'Bailey',
  'Reed',
  'Kelly',
  'Howard',
  'Ramos',
  'Kim',
  'Cox',
  'Ward',
  'Richardson',
  'Watson',
  'Brooks',
  'Chavez',
  'Wood',
  'James',
  'Bennett',
  'Gray',
  'Mendoza',
  'Patel',
  'Okafor',
  'Tanaka',
  'Kowalski',
  'Novak',
  'Fischer',
  'Rossi',
  'Haddad',
  'Osei',
  'Lindqvist',
  'Dubois',
];

export function generateTenant(spec: TenantSpec): GeneratedTenant {
  const random = createRandom(spec.seed);
  const groupIds = new Map(spec.departments.map((d) => [d.name, random.guid()]));
  const departmentOf = new Map<string, string>();
  const usedUpns = new Set<string>();
  let employeeNumber = 100000;

  const newEmployee = (departmentName: string): GraphUser => {
    const department = spec.departments.find((d) => d.name === departmentName);
    if (!department) throw new Error(`LOCAL_FIXTURE_GENERATOR: unknown department ${departmentName}`);
    const givenName = random.pick(FIRST_NAMES);
    const surname = random.pick(LAST_NAMES);
    const base = `${givenName}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '');
    let nickname = base;
    for (let n = 2; usedUpns.has(nickname); n++) nickname = `${base}${n}`;
    usedUpns.add(nickname);
    employeeNumber++;
    const upn = `${nickname}@${spec.domain}`;
    const user: GraphUser = {
      id: random.guid(),
      userPrincipalName: upn,
      mail: upn,
      mailNickname: nickname,
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      accountEnabled: true,
      jobTitle: random.pick(department.titles),
      department: department.name,
      companyName: department.external?.companyName ?? spec.companyName,
      employeeId: `E${employeeNumber}`,
      employeeType: department.external ? 'Partner' : 'Employee',
      officeLocation: department.office,
      city: department.office.split(' ')[0],
      country: 'United States',
      usageLocation: 'US',
      preferredLanguage: 'en-US',
      businessPhones: [`+1 615 555 ${String(1000 + random.int(9000))}`],
      mobilePhone: null,
      userType: 'Member',
      onPremisesExtensionAttributes: {
        extensionAttribute1: null,
        extensionAttribute2: null,
        extensionAttribute3: `CC-${100 + spec.departments.indexOf(department)}`,
      },
    };
    departmentOf.set(user.id, department.name);
    return user;
  };

  const totalWeight = spec.departments.reduce((sum, d) => sum + d.weight, 0);
  const users: GraphUser[] = [];
  for (const department of spec.departments) {
    const count = Math.round((spec.employees * department.weight) / totalWeight);
    for (let i = 0; i < count && users.length < spec.employees; i++) users.push(newEmployee(department.name));
  }
  while (users.length < spec.employees) users.push(newEmployee(spec.departments[0].name));

  const groups: TenantGroup[] = spec.departments.map((d) => ({
    id: groupIds.get(d.name)!,
    displayName: d.name,
    members: users.filter((u) => departmentOf.get(u.id) === d.name).map((u) => u.id),
  }));
  const rules: TenantRule[] = spec.departments
    .filter((d) => d.rule)
    .map((d) => ({ group: groupIds.get(d.name)!, ...d.rule! }));

  return {
    fixture: {
      tenant: { id: random.guid(), displayName: spec.tenantDisplayName, domain: spec.domain },
      users,
      groups,
      rules,
      settings: spec.settings,
      changeSets: [],
    },
    random,
    groupIds,
    departmentOf,
    newEmployee,
  };
}

/** A hire: the new user and their group membership. */
export function hireOps(tenant: GeneratedTenant, department: string): ChangeOp[] {
  const user = tenant.newEmployee(department);
  return [
    { op: 'addUser', user },
    { op: 'addMember', group: tenant.groupIds.get(department)!, user: user.id },
  ];
}
