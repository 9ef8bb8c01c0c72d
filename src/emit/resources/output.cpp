#include <fmt/format.h>

#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::Output& o, CfnWriter& w) {
  w.key(o.id);
  w.begin_map();
  w.kv("Description", o.description);
  w.key("Value");
  switch (o.kind) {
    case aws::Output::Kind::LoadBalancerDns: w.get_att_value(o.resource, "DNSName"); break;
    case aws::Output::Kind::DbAddress: w.get_att_value(o.resource, "Endpoint.Address"); break;
    case aws::Output::Kind::CacheAddress: w.get_att_value(o.resource, "PrimaryEndPoint.Address"); break;
    case aws::Output::Kind::FileSystemId: w.ref_value(o.resource); break;
    case aws::Output::Kind::SecretArn: w.ref_value(o.resource); break;
    case aws::Output::Kind::DbMasterSecretArn: w.get_att_value(o.resource, "MasterUserSecret.SecretArn"); break;
    case aws::Output::Kind::RoleArn: w.get_att_value(o.resource, "Arn"); break;
    case aws::Output::Kind::BucketName: w.ref_value(o.resource); break;
    case aws::Output::Kind::BucketWebsiteUrl: w.get_att_value(o.resource, "WebsiteURL"); break;
  }
  w.end_map();
}

void emit(const aws::Output& o, TfWriter& w) {
  w.output(o.id);
  w.kv_literal("description", o.description);
  switch (o.kind) {
    case aws::Output::Kind::LoadBalancerDns: w.ref("value", "aws_lb", o.resource, "dns_name"); break;
    case aws::Output::Kind::DbAddress: w.ref("value", "aws_db_instance", o.resource, "address"); break;
    case aws::Output::Kind::CacheAddress:
      w.ref("value", "aws_elasticache_replication_group", o.resource, "primary_endpoint_address");
      break;
    case aws::Output::Kind::FileSystemId: w.ref("value", "aws_efs_file_system", o.resource, "id"); break;
    case aws::Output::Kind::SecretArn: w.ref("value", "aws_secretsmanager_secret", o.resource, "arn"); break;
    case aws::Output::Kind::DbMasterSecretArn:
      w.ref("value", "aws_db_instance", o.resource, "master_user_secret[0].secret_arn");
      break;
    case aws::Output::Kind::RoleArn: w.ref("value", "aws_iam_role", o.resource, "arn"); break;
    case aws::Output::Kind::BucketName: w.ref("value", "aws_s3_bucket", o.resource, "bucket"); break;
    case aws::Output::Kind::BucketWebsiteUrl:
      // CloudFormation's WebsiteURL is the endpoint behind `http://`.
      w.key("value");
      w.str(fmt::format("http://${{aws_s3_bucket_website_configuration.{}.website_endpoint}}",
                        terraform_name(o.resource)));
      break;
  }
  w.close();
}

}  // namespace archc
