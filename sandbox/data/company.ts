/**
 * One made-up company: its employees (Mette and Lars sign in), receptions and the groups they ring, Danish
 * contacts and companies, unknown and foreign numbers, and — with `hostileNames` — the hostile names. Also the
 * generation context (`Ctx`) every call builder draws from.
 */
import type { Prng } from '../prng.ts';
import { danishNumber, foreignNumber } from './numbers.ts';
import type { ContactJson, EmployeeGroupJson, EmployeeJson, ReceptionJson } from './types.ts';

export const COMPANY_ID = 1;

/** The exact name the newest call's caller has with `hostileNames` (tests of escaping look for it). */
export const HOSTILE_IMG_NAME = '<img src=x onerror=alert(1)>';

const HOSTILE_NAMES = [
  HOSTILE_IMG_NAME,
  '"><script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  "Robert'); DROP TABLE calls;--",
  'Kasper \u202Egnp.exe',
  `Karen-Margrethe ${'Brøndum-Østergaard-Christiansen '.repeat(8)}${'Å'.repeat(120)}`,
];

const FIRST_NAMES = [
  'Anne', 'Søren', 'Åse', 'Kirsten', 'Jørgen', 'Henrik', 'Pia', 'Bjørn', 'Mads', 'Ida', 'Asger', 'Signe',
  'Rasmus', 'Line', 'Morten', 'Louise', 'Kåre', 'Birgitte', 'Niels', 'Øjvind', 'Torben', 'Maja', 'Frederikke',
  'Jens', 'Bodil', 'Ærenfried', 'Gitte', 'Ulrik', 'Karen', 'Thøger',
];
const LAST_NAMES = [
  'Sørensen', 'Kjær', 'Østergaard', 'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen',
  'Larsen', 'Rasmussen', 'Jørgensen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Møller',
  'Mortensen', 'Lund', 'Holm', 'Bæk', 'Dahl', 'Skov', 'Krogh', 'Brøndum', 'Aagaard', 'Højgaard', 'Bødker',
];
const COMPANY_NAMES = [
  'Østergaard VVS ApS', 'Kjær & Søn A/S', 'Bageriet på Nørrebro', 'Århus Tømrer- og Snedkerfirma',
  'Nørgaard Revision', 'Blåbærgårdens Frugtplantage', 'Dansk Kontorservice A/S', 'Læsø Saltsyderi',
  'Møllers Cykler', 'Søndergaard El-service',
];

function asciiEmailPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

export interface Party {
  number: string | null;
  contact: ContactJson | null;
  hidden: boolean;
}

export interface Ctx {
  prng: Prng;
  nowSec: number;
  employees: EmployeeJson[];
  receptions: ReceptionJson[];
  /** Which employee group each reception rings (null: everybody). */
  receptionGroups: Map<number, number | null>;
  contacts: ContactJson[];
  hostileContacts: ContactJson[];
  unknownNumbers: string[];
  foreignNumbers: string[];
}

export function buildCompany(prng: Prng, hostile: boolean): Omit<Ctx, 'prng' | 'nowSec'> {
  // Mette (1) can place calls through the switch; Lars (2) cannot, so click-to-call has a refusal to show.
  const employeeSpecs: Array<[string, number[], string, boolean]> = [
    ['Mette Jensen', [1, 2], 'available', true],
    ['Lars Nielsen', [1], 'available', false],
    ['Sofie Hansen', [2], 'busy', true],
    ['Mikkel Pedersen', [1], 'available', true],
    ['Camilla Larsen', [2], 'away', false],
    [hostile ? '"><script>alert(1)</script>' : 'Jens Østergaard', [1, 2], 'available', true],
  ];
  const employees: EmployeeJson[] = employeeSpecs.map(([name, groups, presence, hasSwitch], i) => ({
    type: 'Employee',
    id: i + 1,
    name,
    number: `457199990${i + 1}`,
    do_not_disturb: false,
    live_presence: presence,
    endpoint: `Employee#${i + 1}`,
    company_id: COMPANY_ID,
    employee_group_ids: groups,
    has_switch: hasSwitch,
    dnd_timeout_at: null,
  }));
  const receptionSpecs: Array<[string, string, number | null]> = [
    ['Hovednummer', '4570701000', null],
    ['Support', '4570701010', 2],
    [hostile ? '=HYPERLINK("http://x","Salg")' : 'Salg', '4570701020', 1],
  ];
  const receptions: ReceptionJson[] = receptionSpecs.map(([name, number], i) => ({
    id: i + 1,
    name,
    phone_number: { number },
    endpoint: `Reception#${i + 1}`,
  }));
  const receptionGroups = new Map(receptionSpecs.map(([, , group], i) => [i + 1, group] as const));

  const used = new Set<string>([...employees.map((e) => e.number), ...receptions.map((r) => r.phone_number.number)]);
  const freshNumber = (make: () => string): string => {
    for (;;) {
      const n = make();
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };

  const contacts: ContactJson[] = [];
  const personNames = new Set<string>(['Anne Sørensen', 'Søren Kjær', 'Åse Østergaard']);
  while (personNames.size < 36) personNames.add(`${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`);
  let id = 101;
  for (const name of personNames) {
    contacts.push({
      id: id++,
      number: freshNumber(() => (prng.chance(0.06) ? foreignNumber(prng) : danishNumber(prng))),
      name,
      email: prng.chance(0.6) ? `${asciiEmailPart(name)}@eksempel.test` : null,
    });
  }
  for (const name of COMPANY_NAMES) {
    contacts.push({
      id: id++,
      number: freshNumber(() => `45${prng.pick(['70', '72', '33', '86', '98'])}${prng.digits(6)}`),
      name,
      email: prng.chance(0.7) ? `kontakt@${asciiEmailPart(name).replace(/\./g, '')}.test` : null,
    });
  }
  const hostileContacts: ContactJson[] = hostile
    ? HOSTILE_NAMES.map((name, i) => ({ id: 901 + i, number: freshNumber(() => danishNumber(prng)), name, email: null }))
    : [];
  const unknownNumbers = Array.from({ length: 30 }, () => freshNumber(() => danishNumber(prng)));
  const foreignNumbers = Array.from({ length: 4 }, () => freshNumber(() => foreignNumber(prng)));
  return {
    employees,
    receptions,
    receptionGroups,
    contacts: [...contacts, ...hostileContacts],
    hostileContacts,
    unknownNumbers,
    foreignNumbers,
  };
}

/** The groups the receptions ring (Salg: 1, Support: 2), with their members from each employee's group ids. */
export function buildEmployeeGroups(employees: readonly EmployeeJson[]): EmployeeGroupJson[] {
  const specs: Array<[number, string, number]> = [
    [1, 'Salg', 1],
    [2, 'Support', 2],
  ];
  return specs.map(([id, name, digit]) => ({
    type: 'EmployeeGroup',
    id,
    name,
    live_presence: 'unknown',
    speed_dial: { digit },
    employee_ids: employees.filter((e) => e.employee_group_ids.includes(id)).map((e) => e.id),
    endpoint: `EmployeeGroup#${id}`,
  }));
}

export function contextFor(prng: Prng, nowSec: number, hostile: boolean): Ctx {
  return { prng, nowSec, ...buildCompany(prng, hostile) };
}
