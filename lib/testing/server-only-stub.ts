// Empty: lets unit tests import server-only modules (see vitest.config.ts).
