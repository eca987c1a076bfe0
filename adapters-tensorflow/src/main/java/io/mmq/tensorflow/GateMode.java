package io.mmq.tensorflow;

/**
 * How the task sub-networks share the expert layer (R11, figs. 9A-9C): a gate per task (MMoE), one
 * gate shared by every task, or hard parameter sharing (one shared bottom layer, no gate).
 */
enum GateMode {
  MMOE,
  SHARED,
  HARD
}
