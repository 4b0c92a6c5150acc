-- Which instance ran the alert last (alerts.scheduler.instance): with several instances sharing
-- the alerts, this says who took which, e.g. after one of them died and its leases ran out.
alter table alert add column last_run_by varchar(100);
