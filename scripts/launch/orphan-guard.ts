/**
 * Preloaded (`node --require`) into every service the launcher starts. A
 * launcher that is killed outright (kill -9, the OOM killer) cannot stop its
 * services; its end closes their IPC channel, and each then shuts down as on
 * SIGTERM instead of running on, unsupervised, holding its ports.
 */
if (process.channel) {
  // The channel must not keep a service alive by itself.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
