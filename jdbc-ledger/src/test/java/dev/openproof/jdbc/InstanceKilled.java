package dev.openproof.jdbc;

/** Stands for the end of a process: nothing after it runs, no {@code catch} of the workflow takes it. */
final class InstanceKilled extends Error {
  private static final long serialVersionUID = 1L;

  InstanceKilled() {
    super("the instance was killed");
  }
}
