// Heat stacks (api-ref: orchestration "Stacks", "Stack actions"). A stack's page is `stacks/<name>%2F<id>`: Heat
// reads a stack by name and id together (by one alone it answers 302), so the row's id in Stratus is `<name>/<id>`.
// The launch form and the detail page (tabs, update with a dry run, scaling) are components/orchestration/.
import { msg, type MsgKey } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, choices, define, deleteAction, idColumn, nameColumn, rowNames, statusColumn } from '../define';
import type { ResourceAction } from '../types';
import { HEAT, stackPath, stackRef, StackResourcesSchema, StackSchema, stackStatus, type Stack } from './heat';
import { deleteSummary } from './resources';

const ref = (s: Stack) => s.stack_name;
const status = (s: Stack) => s.stack_status ?? '';
const busy = (s: Stack) => status(s).endsWith('_IN_PROGRESS');

/** The stack as it looks at once after an action is accepted (Heat moves it to <ACTION>_IN_PROGRESS). */
const moving = (action: string) => (s: Stack): Stack => ({ ...s, stack_status: `${action}_IN_PROGRESS`, stack_status_reason: null });

/**
 * `POST stacks/{name}/{id}/actions` with `{"<action>": null}` (api-ref "Stack actions"): suspend, resume, check,
 * cancel_update. Heat answers 200 and runs it in the background.
 */
function stackAction(id: string, body: string, label: MsgKey, allowed: (s: Stack) => boolean, cli: string, state: string): ResourceAction<Stack> {
  return {
    id,
    label,
    allowed,
    request: (s) => ({ method: 'POST', path: `${stackPath(s)}/actions`, body: { [body]: null } }),
    optimistic: moving(state),
    cli: (s) => command(cli, ref(s)),
  };
}

export const STACK_STATUSES = ['CREATE', 'UPDATE', 'DELETE', 'ROLLBACK', 'SUSPEND', 'RESUME', 'CHECK'].flatMap((a) => ['IN_PROGRESS', 'COMPLETE', 'FAILED'].map((s) => `${a}_${s}`));

export const stackDefinition = define<Stack>({
  kind: 'stack',
  slug: 'stacks',
  label: { singular: 'kinds.stack.singular', plural: 'kinds.stack.plural', noun: 'kinds.stack.noun' },
  service: HEAT.service,
  paths: { list: 'stacks', item: (id) => `stacks/${id}` },
  keys: { list: 'stacks', item: 'stack' },
  schema: StackSchema,
  id: stackRef,
  name: ref,
  status: stackStatus,
  columns: [
    nameColumn(ref, { sortKey: 'stack_name' }),
    statusColumn(status, { sortKey: 'stack_status' }),
    { id: 'reason', label: 'kinds.stack.columns.reason', value: (s) => s.stack_status_reason ?? '', width: 'lg' },
    ageColumn((s) => s.creation_time ?? '', { sortKey: 'creation_time' }),
    { id: 'updated', label: 'common.updated', value: (s) => s.updated_time ?? '', cell: 'age', sortKey: 'updated_time' },
    idColumn((s) => s.id),
  ],
  // Heat sorts by `sort_keys` (stack_name, stack_status, creation_time, updated_time) and `sort_dir`.
  sortQuery: (key, dir) => ({ sort_keys: key, sort_dir: dir }),
  defaultSort: { column: 'age', dir: 'desc' },
  filters: [
    { id: 'name', label: 'common.name', type: 'text' },
    { id: 'status', label: 'common.status', type: 'select', options: choices(STACK_STATUSES) },
  ],
  actions: [
    stackAction('suspend', 'suspend', 'kinds.stack.actions.suspend', (s) => !busy(s) && status(s).endsWith('_COMPLETE') && !status(s).startsWith('SUSPEND') && !status(s).startsWith('DELETE'), 'openstack stack suspend', 'SUSPEND'),
    stackAction('resume', 'resume', 'kinds.stack.actions.resume', (s) => status(s) === 'SUSPEND_COMPLETE' || status(s) === 'RESUME_FAILED', 'openstack stack resume', 'RESUME'),
    stackAction('check', 'check', 'kinds.stack.actions.check', (s) => !busy(s) && !status(s).startsWith('DELETE'), 'openstack stack check', 'CHECK'),
    stackAction('cancel-update', 'cancel_update', 'kinds.stack.actions.cancelUpdate', (s) => status(s) === 'UPDATE_IN_PROGRESS', 'openstack stack cancel', 'ROLLBACK'),
    deleteAction({
      title: 'kinds.stack.confirm.deleteTitle',
      allowed: (s) => status(s) !== 'DELETE_IN_PROGRESS',
      optimistic: moving('DELETE'),
      path: stackPath,
      cli: (s) => command('openstack stack delete', '--yes', ref(s)),
      body: (rows) => msg('kinds.stack.confirm.deleteBody', { count: rows.length, ...rowNames(rows, ref, 3) }),
      // What it takes with it: the resources of each stack, its groups' members included.
      dependents: async (rows, get) => {
        const out = [];
        for (const s of rows) {
          const parsed = StackResourcesSchema.safeParse(await get(HEAT.service, `${stackPath(s)}/resources?nested_depth=2`));
          const lines = parsed.success ? deleteSummary(parsed.data.resources) : [];
          if (lines.length) out.push(msg('kinds.stack.confirm.deletes', { name: ref(s) }), ...lines);
        }
        return out;
      },
    }),
  ],
  overview: [
    { label: 'common.id', value: (s) => s.id, mono: true },
    { label: 'common.status', value: status },
    { label: 'kinds.stack.columns.reason', value: (s) => s.stack_status_reason ?? '' },
    { label: 'common.description', value: (s) => s.description ?? s.template_description ?? '' },
    { label: 'common.created', value: (s) => s.creation_time ?? '' },
    { label: 'common.updated', value: (s) => s.updated_time ?? '' },
    { label: 'kinds.stack.fields.rollback', value: (s) => (s.disable_rollback == null ? '' : msg(s.disable_rollback ? 'kinds.stack.fields.rollbackOff' : 'kinds.stack.fields.rollbackOn', {})) },
    { label: 'kinds.stack.fields.timeout', value: (s) => (s.timeout_mins == null ? '' : msg('kinds.stack.fields.minutes', { count: s.timeout_mins })) },
    { label: 'kinds.stack.fields.owner', value: (s) => s.stack_owner ?? '' },
    { label: 'kinds.stack.fields.tags', value: (s) => s.tags ?? [] },
  ],
  invalidates: ['server', 'network', 'volume', 'port', 'router', 'floating-ip', 'security-group'],
  activity: { type: 'heat-events', eventsPath: (s) => `${stackPath(s)}/events`, changed: (s) => s.updated_time ?? s.creation_time },
  cli: { list: 'openstack stack list', show: (s) => command('openstack stack show', ref(s)) },
});
