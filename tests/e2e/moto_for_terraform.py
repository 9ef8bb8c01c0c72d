#!/usr/bin/env python3
"""moto's server, with the gaps filled that stop the Terraform AWS provider
(5.100) from deploying, or reading back, what archc writes on moto 5.2.1.

usage: moto_for_terraform.py [moto.server's arguments, e.g. -H 127.0.0.1 -p 5000]

Each gap is an answer AWS would give that moto leaves out or gets wrong, and
each fix gives AWS's answer, made from the request that created the
resource (docs/testing.md, "terraform apply on moto"):

- RDS: every DB instance has the same DbiResourceId (a read replica is a
  copy of its primary). The provider knows an aws_db_instance by that id,
  so a read replica is not found: "reading RDS DB Instance (): couldn't
  find resource". Each instance gets an id of its own.
- ElastiCache: a replication group lists its member clusters (GROUP-001,
  GROUP-002 ...) but they are not created, and the provider reads the first
  one after creating the group: "CacheClusterNotFound". They are created
  with the group, as AWS does, from the group's own request (node type,
  engine and version, subnet group, security groups, port, encryption).
  And there are as many as NumCacheClusters asks for: moto makes one
  unless ReplicasPerNodeGroup is given.
- ELBv2: a load balancer created without a Scheme (the provider sends none
  for an internet-facing one) has none, where AWS's default is
  internet-facing.

The e2e comparison reads the groups themselves (DescribeReplicationGroups)
and, for a group's subnet group, security groups and engine version, its
member clusters, which is where AWS tells them too.
"""
import base64
import hashlib
import sys

import moto.server
from moto.elasticache.models import ElastiCacheBackend, ReplicationGroup
from moto.elbv2.models import ELBv2Backend
from moto.rds.models import DBInstance, RDSBackend


def _own_resource_id(db):
    # AWS's form, db- and 26 characters of A-Z2-7; from the ARN, so a run is
    # repeatable.
    db.dbi_resource_id = "db-" + base64.b32encode(hashlib.sha256(db.arn.encode()).digest()).decode()[:26]
    return db


_db_instance_init = DBInstance.__init__


def _db_instance_with_own_resource_id(self, *args, **kwargs):
    _db_instance_init(self, *args, **kwargs)
    _own_resource_id(self)


_create_read_replica = RDSBackend.create_db_instance_read_replica


def _read_replica_with_own_resource_id(self, db_kwargs):
    # moto makes a replica as a copy of its primary, id included.
    return _own_resource_id(_create_read_replica(self, db_kwargs))


_set_members = ReplicationGroup._set_node_members_clusters_disabled


def _set_members_honouring_num_cache_clusters(self, *, num_cache_clusters, replicas_per_node_group, **rest):
    if not replicas_per_node_group:
        replicas_per_node_group = num_cache_clusters - 1
    _set_members(self, num_cache_clusters=num_cache_clusters, replicas_per_node_group=replicas_per_node_group, **rest)


_create_replication_group = ElastiCacheBackend.create_replication_group
# What AWS gives a group created without EngineVersion (the provider fails
# on an empty version: "Malformed version").
DEFAULT_REDIS_VERSION = "7.1.0"


def _create_replication_group_with_members(self, **request):
    group = _create_replication_group(self, **request)
    for member in group.member_clusters:
        cluster = self.create_cache_cluster(
            cache_cluster_id=member, replication_group_id=group.replication_group_id,
            cache_node_type=group.cache_node_type, engine=group.engine,
            engine_version=request["engine_version"] or DEFAULT_REDIS_VERSION,
            cache_subnet_group_name=request["cache_subnet_group_name"],
            security_group_ids=request["security_group_ids"], port=group.port,
            transit_encryption_enabled=group.transit_encryption_enabled,
            az_mode=None, preferred_availability_zone=None, num_cache_nodes=1, cache_parameter_group_name=None,
            network_type=None, ip_discovery=None, snapshot_name=None, preferred_maintenance_window=None,
            notification_topic_arn=None, auto_minor_version_upgrade=None, snapshot_retention_limit=None,
            snapshot_window=None, auth_token=None, outpost_mode=None, preferred_outpost_arn=None,
            preferred_availability_zones=None, cache_security_group_names=None, tags=None, snapshot_arns=None,
            preferred_outpost_arns=None, log_delivery_configurations=[], cache_node_ids_to_remove=None,
            cache_node_ids_to_reboot=None)
        # What moto's cache clusters do not answer: the at-rest flag, and the
        # security groups in the form DescribeCacheClusters gives them.
        cluster.at_rest_encryption_enabled = group.at_rest_encryption_enabled
        cluster.security_groups = [{"SecurityGroupId": g, "Status": "active"} for g in cluster.security_group_ids]
    return group


_create_load_balancer = ELBv2Backend.create_load_balancer


def _load_balancer_with_default_scheme(self, **request):
    request["scheme"] = request.get("scheme") or "internet-facing"
    return _create_load_balancer(self, **request)


if __name__ == "__main__":
    DBInstance.__init__ = _db_instance_with_own_resource_id
    RDSBackend.create_db_instance_read_replica = _read_replica_with_own_resource_id
    ReplicationGroup._set_node_members_clusters_disabled = _set_members_honouring_num_cache_clusters
    ElastiCacheBackend.create_replication_group = _create_replication_group_with_members
    ELBv2Backend.create_load_balancer = _load_balancer_with_default_scheme
    moto.server.main(sys.argv[1:])
