import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "./client";
import type { Job, JobKind, KeepRequest, RuleBody, RuleProposal, RuleSettingsBody, ServiceStatus } from "./types";

export const queryKeys = {
  health: ["health"] as const,
  media: ["media"] as const,
  leavingSoon: ["media", "leaving-soon"] as const,
  mediaDetail: (id: string) => ["media", "detail", id] as const,
  services: ["services"] as const,
  jobs: ["jobs"] as const,
  deletions: (page: number, pageSize: number) => ["deletions", page, pageSize] as const,
  rules: ["rules"] as const,
};

export const isActive = (job: Job) => job.status === "Pending" || job.status === "Running";

export function useHealth() {
  return useQuery({ queryKey: queryKeys.health, queryFn: api.health, refetchInterval: 30_000 });
}

export function useLeavingSoon() {
  return useQuery({ queryKey: queryKeys.leavingSoon, queryFn: api.leavingSoon });
}

export function useMediaDetail(id: string) {
  return useQuery({ queryKey: queryKeys.mediaDetail(id), queryFn: () => api.mediaDetail(id) });
}

export function useKeep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: KeepRequest }) => api.keep(id, body),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.media }),
  });
}

export function useUnkeep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.unkeep(id),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.media }),
  });
}

export function useServices() {
  return useQuery({ queryKey: queryKeys.services, queryFn: api.services });
}

export function useTestService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.testService(name),
    onSuccess: (result) =>
      client.setQueryData<ServiceStatus[]>(queryKeys.services, (list) =>
        list?.map((s) => (s.name === result.name ? result : s)),
      ),
  });
}

/** Polls quickly while a job is pending or running, slowly otherwise (scheduled jobs start on their own). */
export function useJobs() {
  return useQuery({
    queryKey: queryKeys.jobs,
    queryFn: api.jobs,
    refetchInterval: (query) => (query.state.data?.some(isActive) ? 2_000 : 30_000),
  });
}

export function useStartJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (kind: JobKind) => api.startJob(kind),
    // A 409 means another job is running: refreshing shows it (and starts the fast polling).
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.jobs }),
  });
}

/** When a job finishes, what it changed (leaving-soon list, audit) is stale: refetch it. Mount once. */
export function useRefreshWhenJobsFinish() {
  const client = useQueryClient();
  const { data } = useJobs();
  const active = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!data) return;
    const now = new Set(data.filter(isActive).map((j) => j.id));
    const previous = active.current;
    active.current = now;
    if (previous && [...previous].some((id) => !now.has(id))) {
      void client.invalidateQueries({ queryKey: queryKeys.media });
      void client.invalidateQueries({ queryKey: ["deletions"] });
      void client.invalidateQueries({ queryKey: queryKeys.health });
    }
  }, [data, client]);
}

export function useDeletions(page: number, pageSize: number) {
  return useQuery({
    queryKey: queryKeys.deletions(page, pageSize),
    queryFn: () => api.deletions(page, pageSize),
    placeholderData: keepPreviousData,
  });
}

export function useRules() {
  return useQuery({ queryKey: queryKeys.rules, queryFn: api.rules });
}

/** Rule writes: each refetches the list afterwards, so that etags are fresh (also after a 412). */
export function useRuleMutations() {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: queryKeys.rules });
  const add = useMutation({ mutationFn: (body: RuleBody) => api.addRule(body), onSettled });
  const replace = useMutation({
    mutationFn: ({ id, etag, body }: { id: string; etag: string; body: RuleBody }) => api.replaceRule(id, etag, body),
    onSettled,
  });
  const remove = useMutation({
    mutationFn: ({ id, etag }: { id: string; etag: string }) => api.deleteRule(id, etag),
    onSettled,
  });
  const settings = useMutation({
    mutationFn: ({ etag, body }: { etag: string | null; body: RuleSettingsBody }) => api.replaceRuleSettings(etag, body),
    onSettled,
  });
  return { add, replace, remove, settings };
}

export function usePreviewRules() {
  return useMutation({ mutationFn: (proposal: RuleProposal) => api.previewRules(proposal) });
}
