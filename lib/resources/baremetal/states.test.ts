import { describe, expect, it } from 'vitest';
import { ALLOWED_VERBS, allowedPower, allowedVerbs, canDeleteNode, isBusy, PROVISION_VERBS } from './states';

const node = (provision_state: string, extra: Record<string, unknown> = {}) => ({ provision_state, target_provision_state: null, target_power_state: null, power_state: 'power off', maintenance: false, instance_uuid: null, ...extra });

describe('allowedVerbs (Ironic state machine)', () => {
  it.each([
    ['enroll', ['manage']],
    ['manageable', ['provide', 'inspect', 'clean']],
    ['available', ['manage', 'deploy']],
    ['active', ['rebuild', 'undeploy']],
    ['deploy failed', ['deploy', 'rebuild', 'undeploy']],
    ['clean failed', ['manage']],
    ['inspect failed', ['manage', 'inspect']],
    ['error', ['rebuild', 'undeploy']],
    ['rescue', ['unrescue', 'undeploy']],
  ])('%s -> %j', (state, verbs) => {
    expect(allowedVerbs(node(state))).toEqual(verbs);
  });

  it('offers nothing while a conductor works, except abort/undeploy in wait states', () => {
    expect(allowedVerbs(node('deploying', { target_provision_state: 'active' }))).toEqual([]);
    expect(allowedVerbs(node('cleaning', { target_provision_state: 'available' }))).toEqual([]);
    expect(allowedVerbs(node('verifying', { target_provision_state: 'manageable' }))).toEqual([]);
    expect(allowedVerbs(node('wait call-back', { target_provision_state: 'active' }))).toEqual(['undeploy']);
    expect(allowedVerbs(node('clean wait', { target_provision_state: 'available' }))).toEqual(['abort']);
  });

  it('a failed clean keeps its target yet is not busy (real Ironic leaves target_provision_state=manageable)', () => {
    const n = node('clean failed', { target_provision_state: 'manageable', last_error: 'node does not support this clean step' });
    expect(isBusy(n)).toBe(false);
    expect(allowedVerbs(n)).toEqual(['manage']);
  });

  it('maintenance blocks deploy and rebuild, not manage', () => {
    expect(allowedVerbs(node('available', { maintenance: true }))).toEqual(['manage']);
  });

  it('a power transition blocks provision verbs', () => {
    expect(allowedVerbs(node('available', { target_power_state: 'power on' }))).toEqual([]);
  });

  it('every state verb has an API target', () => {
    for (const verbs of Object.values(ALLOWED_VERBS)) for (const v of verbs) expect(PROVISION_VERBS[v].target).toBeTruthy();
    expect(PROVISION_VERBS.deploy.target).toBe('active');
    expect(PROVISION_VERBS.undeploy.target).toBe('deleted');
  });
});

describe('isBusy', () => {
  it.each([
    [node('available'), false],
    [node('enroll', { power_state: null }), false],
    [node('available', { target_power_state: 'power on' }), true],
    [node('deploying', { target_provision_state: 'active' }), true],
    [node('wait call-back', { target_provision_state: 'active' }), true],
    [node('deploy failed', { target_provision_state: 'active' }), false],
    [node('manageable', { target_provision_state: 'available' }), true],
  ])('%j -> %s', (n, busy) => expect(isBusy(n)).toBe(busy));
});

describe('allowedPower and canDeleteNode', () => {
  it('power verbs follow power_state', () => {
    expect(allowedPower(node('available'))).toEqual(['on']);
    expect(allowedPower(node('enroll', { power_state: null }))).toEqual(['on']);
    expect(allowedPower(node('active', { power_state: 'power on' }))).toEqual(['off', 'reboot']);
    expect(allowedPower(node('deploying', { target_provision_state: 'active' }))).toEqual([]);
  });

  it('delete only in the states Ironic accepts, or in maintenance', () => {
    expect(canDeleteNode(node('enroll'))).toBe(true);
    expect(canDeleteNode(node('available'))).toBe(true);
    expect(canDeleteNode(node('manageable'))).toBe(true);
    expect(canDeleteNode(node('active', { instance_uuid: 'x' }))).toBe(false);
    expect(canDeleteNode(node('clean failed'))).toBe(false);
    expect(canDeleteNode(node('clean failed', { maintenance: true }))).toBe(true);
    expect(canDeleteNode(node('deploying', { maintenance: true }))).toBe(false);
  });
});
