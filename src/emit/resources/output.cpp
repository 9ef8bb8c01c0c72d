#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::Output& o, CfnWriter& w) {
  w.key(o.id);
  w.begin_map();
  w.kv("Description", o.description);
  w.key("Value");
  w.get_att_value(o.resource, o.kind == aws::Output::Kind::LoadBalancerDns ? "DNSName" : "Endpoint.Address");
  w.end_map();
}

void emit(const aws::Output& o, TfWriter& w) {
  w.output(o.id) = {{"description", w.lit(o.description)},
                    {"value", o.kind == aws::Output::Kind::LoadBalancerDns
                                  ? w.ref("aws_lb", o.resource, "dns_name")
                                  : w.ref("aws_db_instance", o.resource, "address")}};
}

}  // namespace archc
