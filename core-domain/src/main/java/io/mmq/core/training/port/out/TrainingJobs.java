package io.mmq.core.training.port.out;

import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.TrainingJob;
import java.util.List;
import java.util.Optional;

/** Recorded training jobs. */
public interface TrainingJobs {
  /** Inserts or replaces the job with the same id. */
  void save(TrainingJob job);

  Optional<TrainingJob> find(JobId id);

  /** Every job, newest first. */
  List<TrainingJob> list();
}
