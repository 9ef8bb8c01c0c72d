#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::InternetGateway& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::InternetGateway");
  w.tags(r.tags);
  w.close();
}

void emit(const aws::InternetGateway& r, TfWriter& w) {
  w.resource("aws_internet_gateway", r.id);
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
