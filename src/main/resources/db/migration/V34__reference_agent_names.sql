-- The agents' names, cached on each node (AgentDirectory.names: every workspace and ticket page names assignees).
insert into reference_version (kind, version) values ('agent.names', 0);
