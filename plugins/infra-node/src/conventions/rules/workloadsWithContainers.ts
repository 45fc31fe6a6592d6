import type {
  ContainerModel,
  CronJobModel,
  InfraModel,
  WorkloadModel,
} from '../../model/types';

/** Every container of every workload and cron job, with its owner. */
export function* containersOf(model: InfraModel): Generator<{
  owner: WorkloadModel | CronJobModel;
  container: ContainerModel;
}> {
  for (const stack of model.stacks) {
    for (const owner of [...stack.workloads, ...stack.cronJobs]) {
      for (const container of owner.containers) yield { owner, container };
    }
  }
}
