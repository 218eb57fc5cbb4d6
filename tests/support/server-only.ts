// Tests are server code: the "server-only" marker has nothing to guard here.
export {};
