import { describe, expect, it } from 'vitest';
import { endpointNames, endpointOf } from './endpoints.ts';

describe('endpoints', () => {
  it('names receptions, employees and employee groups by their endpoint, written by Firmafon or made from the id', () => {
    const names = endpointNames(
      [{ id: 1, name: 'Hovednummer', endpoint: 'Reception#1' }],
      [{ id: 22, name: 'Mette Jensen', endpoint: null }],
      [{ id: 2, name: 'Support', endpoint: 'EmployeeGroup#2' }],
    );
    expect(Object.fromEntries(names)).toEqual({ 'Reception#1': 'Hovednummer', 'Employee#22': 'Mette Jensen', 'EmployeeGroup#2': 'Support' });
    expect(endpointOf('EmployeeGroup', { id: 3, name: 'Salg', endpoint: null })).toBe('EmployeeGroup#3');
    expect(endpointNames(undefined, undefined).size).toBe(0);
  });
});
