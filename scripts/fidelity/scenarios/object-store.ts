import type { Scenario } from '../types';

const c = `fidelity-${process.pid}`;

export const objectStore: Scenario = {
  name: 'object-store',
  service: 'object-store',
  calls: [
    { name: 'account show (HEAD)', service: 'object-store', method: 'HEAD', path: '' },
    { name: 'container create', service: 'object-store', method: 'PUT', path: c, headers: { 'X-Container-Meta-Purpose': 'fidelity' } },
    { name: 'container create again', service: 'object-store', method: 'PUT', path: c },
    { name: 'object upload', service: 'object-store', method: 'PUT', path: `${c}/dir/hello.txt`, headers: { 'content-type': 'text/plain' }, rawBody: 'hello fidelity\n' },
    { name: 'object upload, detected type', service: 'object-store', method: 'PUT', path: `${c}/data.bin`, headers: { 'content-type': '' }, rawBody: new Uint8Array([1, 2, 3, 4]) },
    { name: 'object upload, no container', service: 'object-store', method: 'PUT', path: `${c}-missing/x`, rawBody: 'x', compareBody: false },
    { name: 'account listing (json)', service: 'object-store', path: '?format=json&prefix=fidelity-' },
    { name: 'container show (HEAD)', service: 'object-store', method: 'HEAD', path: c },
    { name: 'container listing (json)', service: 'object-store', path: `${c}?format=json` },
    { name: 'container listing with delimiter', service: 'object-store', path: `${c}?format=json&delimiter=/` },
    { name: 'container listing, prefix', service: 'object-store', path: `${c}?format=json&prefix=dir/` },
    { name: 'container metadata', service: 'object-store', method: 'POST', path: c, headers: { 'X-Container-Meta-Color': 'blue', 'X-Container-Read': '.r:*,.rlistings' }, compareBody: false },
    { name: 'object show (HEAD)', service: 'object-store', method: 'HEAD', path: `${c}/dir/hello.txt` },
    { name: 'object download', service: 'object-store', path: `${c}/dir/hello.txt`, compareBody: false },
    { name: 'object download, range', service: 'object-store', path: `${c}/dir/hello.txt`, headers: { range: 'bytes=0-4' }, compareBody: false },
    { name: 'object metadata', service: 'object-store', method: 'POST', path: `${c}/dir/hello.txt`, headers: { 'X-Object-Meta-Color': 'red' }, compareBody: false },
    { name: 'object show, unknown', service: 'object-store', path: `${c}/nope`, compareBody: false },
    { name: 'container delete, not empty', service: 'object-store', method: 'DELETE', path: c, compareBody: false },
    { name: 'object delete', service: 'object-store', method: 'DELETE', path: `${c}/dir/hello.txt`, compareBody: false },
    { name: 'object delete 2', service: 'object-store', method: 'DELETE', path: `${c}/data.bin`, compareBody: false },
    { name: 'object delete, gone', service: 'object-store', method: 'DELETE', path: `${c}/data.bin`, compareBody: false },
    { name: 'container delete', service: 'object-store', method: 'DELETE', path: c, compareBody: false },
  ],
};
