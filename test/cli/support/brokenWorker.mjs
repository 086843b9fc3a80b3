// A worker that fails as it starts.
throw new Error('cannot start');
