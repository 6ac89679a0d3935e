import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DialRequestSchema } from '@common/write-contract.ts';
import { makeCall } from '@/shared/testing/make-call.ts';
import {
  callBackTarget,
  createSingleFlight,
  dialRequestFor,
  outsideSide,
} from './call-back.ts';

describe('outsideSide', () => {
  it('is the caller of an incoming call and the callee of an outgoing one', () => {
    expect(outsideSide({ direction: 'incoming' })).toBe('from');
    expect(outsideSide({ direction: 'outgoing' })).toBe('to');
  });

  it('is neither end when the direction is unknown', () => {
    expect(outsideSide({ direction: null })).toBeNull();
    expect(outsideSide({ direction: 'internal' })).toBeNull();
  });
});

describe('callBackTarget', () => {
  it('offers the caller of an incoming call, as people read it and in Firmafon digits', () => {
    const call = makeCall({ direction: 'incoming', from_number: '4512345678', to_number: '4571999999' });
    expect(callBackTarget(call, 'from')).toEqual({ display: '+45 12 34 56 78', digits: '4512345678' });
    expect(callBackTarget(call, 'to')).toBeNull();
  });

  it('offers the callee of an outgoing call, never the company number it came from', () => {
    const call = makeCall({ direction: 'outgoing', from_number: '4571999999', to_number: '46701234567' });
    expect(callBackTarget(call, 'to')).toEqual({ display: '+46 701 234 567', digits: '46701234567' });
    expect(callBackTarget(call, 'from')).toBeNull();
  });

  it('offers nothing for a hidden or missing number, or one that is not a number', () => {
    expect(callBackTarget(makeCall({ direction: 'incoming', from_number: '4512345678', from_number_hidden: true }), 'from')).toBeNull();
    expect(callBackTarget(makeCall({ direction: 'incoming', from_number: null }), 'from')).toBeNull();
    expect(callBackTarget(makeCall({ direction: 'incoming', from_number: 'anonymous' }), 'from')).toBeNull();
  });

  it('offers nothing when the direction does not say which end is outside', () => {
    const call = makeCall({ direction: null });
    expect(callBackTarget(call, 'from')).toBeNull();
    expect(callBackTarget(call, 'to')).toBeNull();
  });
});

describe('dialRequestFor', () => {
  it('builds the body the proxy accepts for POST switch/dial', () => {
    const body = dialRequestFor({ digits: '4512345678' });
    expect(body).toEqual({ to_number: '4512345678' });
    expect(v.is(DialRequestSchema, body)).toBe(true);
  });
});

describe('createSingleFlight', () => {
  it('lets only the first of two starts in the same tick through, until it finishes', () => {
    const flight = createSingleFlight();
    expect(flight.tryStart()).toBe(true);
    expect(flight.tryStart()).toBe(false);
    expect(flight.busy).toBe(true);
    flight.finish();
    expect(flight.busy).toBe(false);
    expect(flight.tryStart()).toBe(true);
  });
});
