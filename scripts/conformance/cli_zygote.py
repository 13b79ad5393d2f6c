"""A warm `openstack` CLI for the conformance run.

Most of a cold `openstack` command's 2-3 s is Python importing openstackclient, its plugins and their client
libraries. This server imports them once, then forks a child per command: the child takes the caller's stdin,
stdout and stderr (passed over the Unix socket), environment, working directory and arguments, and runs
openstackclient's own `main()`, exactly as /usr/bin/openstack does. The parent never runs a command, so each child
starts from the same freshly imported state a cold process would reach.

  server: /usr/bin/python3 cli_zygote.py serve SOCKET   (prints "ready" once the imports are done)
  client: /usr/bin/python3 -S cli_zygote.py SOCKET ARGS...   (what the `openstack` wrapper runs)
"""

import json
import os
import signal
import socket
import struct
import sys

CHILD_TIMEOUT_S = 120


def preload():
    import importlib.metadata

    from openstackclient import shell

    eps = importlib.metadata.entry_points()
    for group in sorted(g for g in eps.groups if g.startswith('openstack.')):
        for ep in eps.select(group=group):
            try:
                ep.load()
            except Exception:  # a plugin this machine cannot import fails the same way in a cold CLI
                pass
    return shell


def read_line(conn):
    data = b''
    while not data.endswith(b'\n'):
        chunk = conn.recv(65536)
        if not chunk:
            raise EOFError('client went away')
        data += chunk
    return json.loads(data)


def run_child(shell, conn):
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.alarm(CHILD_TIMEOUT_S)
    _, fds, _, _ = socket.recv_fds(conn, 1, 3)
    req = read_line(conn)
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.environ.clear()
    os.environ.update(req['env'])
    os.chdir(req['cwd'])
    sys.argv = ['openstack', *req['argv']]
    try:
        code = shell.main(req['argv'])
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    conn.sendall(struct.pack('!i', code or 0))
    os._exit(0)


def serve(path):
    shell = preload()
    # Children are reaped by the kernel: the parent only forks.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(64)
    print('ready', flush=True)
    while True:
        conn, _ = srv.accept()
        if os.fork() == 0:
            srv.close()
            try:
                run_child(shell, conn)
            finally:
                os._exit(1)
        conn.close()


def client(path, argv):
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.connect(path)
    socket.send_fds(conn, [b'.'], [0, 1, 2])
    conn.sendall(json.dumps({'argv': argv, 'env': dict(os.environ), 'cwd': os.getcwd()}).encode() + b'\n')
    data = b''
    while len(data) < 4:
        chunk = conn.recv(4 - len(data))
        if not chunk:
            sys.stderr.write('openstack (warm CLI): the command ended without an exit status\n')
            return 1
        data += chunk
    return struct.unpack('!i', data)[0]


if __name__ == '__main__':
    if sys.argv[1] == 'serve':
        serve(sys.argv[2])
    else:
        sys.exit(client(sys.argv[1], sys.argv[2:]))
