import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { explainFailure } from './explain';

describe('failure explanations', () => {
  it('explains Nova’s No valid host with the next step', () => {
    const e = explainFailure('No valid host was found. There are not enough hosts available.');
    expect(en(e?.summary)).toMatch(/no compute host with room/);
    expect(en(e?.next)).toMatch(/smaller flavor or another availability zone/);
  });
  it('tells quota from capacity and from missing things', () => {
    expect(en(explainFailure('Quota exceeded for cores: Requested 4, but already used 20 of 20 cores')?.summary)).toMatch(/quota/);
    expect(en(explainFailure('schedule allocate volume:Could not find any available weighted backend.')?.summary)).toMatch(/No storage backend/);
    expect(en(explainFailure('Image 1234 could not be found.')?.summary)).toMatch(/no longer exists/);
  });
  it('explains Magnum and Ironic reasons', () => {
    expect(en(explainFailure('Stack CREATE_FAILED: Resource CREATE failed: ...')?.summary)).toMatch(/Heat/);
    expect(en(explainFailure('Timeout reached while waiting for callback for node 1')?.summary)).toMatch(/time limit|called back/);
    expect(en(explainFailure('Failed to change power state to power on. Error: IPMI call failed')?.summary)).toMatch(/BMC/);
  });
  it("explains Nova's refusals of a locked server and of an evacuate off a running host", () => {
    expect(en(explainFailure('Instance 9f1c2d3e-aaaa-bbbb-cccc-0123456789ab is locked')?.next)).toMatch(/Unlock it/);
    expect(en(explainFailure('Compute service of compute1 is still in use.')?.summary)).toMatch(/host is still up/);
  });
  it('says nothing rather than guessing', () => {
    expect(explainFailure('Something odd happened')).toBeUndefined();
    expect(explainFailure(undefined)).toBeUndefined();
  });
});
