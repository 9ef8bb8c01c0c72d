// The `efs` kind (kinds/efs.cpp): what it reads and refuses, what it lowers
// to, what the plan shows, and its checks (efs-mount-zone, efs-nfs-blocked)
// at exact places, each with a near miss.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "lower/lower.hpp"
#include "plan/plan.hpp"
#include "test_support.hpp"

namespace {

using archc::test::compile;
using archc::test::error_briefs;
using archc::test::of_rule;
using archc::test::plan_of;
using archc::test::with_public_and_app;

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("an efs has a mount target in every zone of its tier, and opens NFS to its clients", "[efs]") {
  const auto plan = plan_of(with_public_and_app(R"(sg-chain "c" { asg.web -> efs.files }
asg "web" { subnets = vpc.main.app }
efs "files" { subnets = vpc.main.app }
)"));
  const auto& f = plan["file_systems"].at(0);
  CHECK(f["name"] == "files");
  CHECK(f["name_tag"] == "lab-efs-files");
  CHECK(f["encrypted"] == true);
  CHECK(f["throughput_mode"] == "bursting");
  CHECK(f["transition_to_ia"].is_null());
  CHECK(f["port"] == 2049);
  CHECK(f["tier"] == "vpc.main.app");
  CHECK(f["mount_targets"] == nlohmann::json::parse(R"([
    {"zone": "us-east-1a", "subnet": "lab-subnet-main-app-a"},
    {"zone": "us-east-1b", "subnet": "lab-subnet-main-app-b"}])"));
  // An edge naming no ports opens NFS, from the asg's group.
  const auto& group = plan["security_groups"].at(1);
  CHECK(group["owner"] == "efs.files");
  CHECK(f["security_group"] == group["name_tag"]);
  REQUIRE(group["ingress"].size() == 1);
  CHECK(group["ingress"][0]["protocol"] == "tcp");
  CHECK(group["ingress"][0]["from_port"] == 2049);
  CHECK(group["ingress"][0]["to_port"] == 2049);
  CHECK(group["ingress"][0]["source_group"] == plan["security_groups"].at(0)["name_tag"]);
}

TEST_CASE("an efs reads its zones, encryption, lifecycle, throughput and name", "[efs]") {
  const std::string text = with_public_and_app(R"(sg-chain "c" { vpc.main.app -> efs.files : nfs }
efs "files" {
  subnets          = vpc.main.app
  zones            = ["b"]
  encrypted        = false
  transition_to_ia = 1
  throughput_mode  = "elastic"
  name             = "shared-files"
}
)");
  const auto plan = plan_of(text);
  const auto& f = plan["file_systems"].at(0);
  CHECK(f["name_tag"] == "shared-files");
  CHECK(f["encrypted"] == false);
  CHECK(f["throughput_mode"] == "elastic");
  CHECK(f["transition_to_ia"] == "AFTER_1_DAY");
  CHECK(f["mount_targets"] == nlohmann::json::parse(R"([{"zone": "us-east-1b", "subnet": "lab-subnet-main-app-b"}])"));

  auto c = compile(text);
  const archc::aws::Stack stack = archc::lower(c->model);
  const auto* target = std::get_if<archc::aws::MountTarget>(&stack.resources.back());
  REQUIRE(target != nullptr);
  CHECK(target->id == "FilesMountTargetB");
  CHECK(target->file_system == "FilesFileSystem");
  CHECK(target->subnet == "MainAppSubnetB");
  const auto* fs = std::get_if<archc::aws::FileSystem>(&stack.resources[stack.resources.size() - 2]);
  REQUIRE(fs != nullptr);
  CHECK(fs->id == "FilesFileSystem");
  CHECK_FALSE(fs->encrypted);
  CHECK(fs->transition_to_ia == "AFTER_1_DAY");
  CHECK(fs->throughput_mode == "elastic");
  CHECK(fs->tags.front().value == "shared-files");
  CHECK(target->security_group == "FilesEfsSecurityGroup");
  REQUIRE(stack.outputs.size() == 1);
  CHECK(stack.outputs[0].kind == archc::aws::Output::Kind::FileSystemId);
  CHECK(stack.outputs[0].id == "FilesFileSystemId");
  CHECK(stack.outputs[0].resource == "FilesFileSystem");
}

TEST_CASE("an efs's zones are its VPC's, each once", "[efs][rules]") {
  const auto efs = [](const std::string& attributes) {
    return with_public_and_app("efs \"files\" { subnets = vpc.main.app, " + attributes + " }\n");
  };
  CHECK(of_rule(efs(R"(zones = ["a", "c"])"), "invalid-value") ==
        Strings{"8:53: error[invalid-value]: tier `app` has no subnet in zone `c`: its zones are a, b",
                "  4:11: the zones are listed here"});
  CHECK(of_rule(efs(R"(zones = ["b", "b"])"), "duplicate-zone") ==
        Strings{"8:53: error[duplicate-zone]: zone `b` is listed twice"});
  CHECK(of_rule(efs("zones = []"), "invalid-value") ==
        Strings{"8:47: error[invalid-value]: `zones` names no zone: leave it out for a mount target in every zone "
                "of the tier"});
  CHECK(of_rule(efs(R"(zones = ["b", "a"])"), "invalid-value").empty());
  CHECK(error_briefs(compile(efs(R"(zones = ["b", "a"])"))->diags) == Strings{});
}

TEST_CASE("an efs moves files to Infrequent Access only after the days AWS offers", "[efs][rules]") {
  CHECK(of_rule(with_public_and_app("efs \"files\" { subnets = vpc.main.app, transition_to_ia = 45 }\n"), "invalid-value") ==
        Strings{"8:58: error[invalid-value]: EFS moves files to Infrequent Access after 1, 7, 14, 30, 60, 90, 180, "
                "270, 365 days, not 45"});
  CHECK(of_rule(with_public_and_app("efs \"files\" { subnets = vpc.main.app, transition_to_ia = 365 }\n"), "invalid-value")
            .empty());
  CHECK(of_rule(with_public_and_app("efs \"files\" { subnets = vpc.main.app, throughput_mode = \"provisioned\" }\n"),
                "invalid-value")
            .size() == 1);
}

TEST_CASE("an efs's own Name tag is one EFS takes, and no other resource's", "[efs][rules]") {
  CHECK(of_rule(with_public_and_app("efs \"files\" { subnets = vpc.main.app, name = \"files#1\" }\n"), "tag-characters") ==
        Strings{"8:46: warning[tag-characters]: EFS refuses this Name tag: use letters, digits, spaces and "
                "`_ . : / = + - @`"});
  CHECK(of_rule(with_public_and_app("efs \"files\" { subnets = vpc.main.app, name = \"files 1\" }\n"), "tag-characters")
            .empty());
  CHECK(of_rule(with_public_and_app(R"(efs "files" { subnets = vpc.main.app, name = "shared" }
instance "x" { subnets = vpc.main.public, name = "shared" }
)"),
                "duplicate-name-tag")
            .size() == 2);  // the error at the instance's name, and its note at the efs's
}

TEST_CASE("efs-mount-zone: an asg or instance in a zone without a mount target", "[efs][rules]") {
  const std::string text = with_public_and_app(R"(sg-chain "c" {
  asg.web -> efs.files : nfs
  instance.admin -> efs.files : nfs
  asg.web -> efs.files : 2049
}
asg "web" { subnets = vpc.main.app }
instance "admin" { subnets = vpc.main.public, zone = "b" }
efs "files" { subnets = vpc.main.app, zones = ["a"] }
)");
  CHECK(of_rule(text, "efs-mount-zone") ==
        Strings{"9:3: warning[efs-mount-zone]: asg.web runs in zone b, where efs `files` has no mount target: its "
                "instances cannot mount it by its DNS name there, only across zones by another zone's address",
                "  15:47: efs `files` has mount targets in zone a",
                "10:3: warning[efs-mount-zone]: instance.admin runs in zone b, where efs `files` has no mount "
                "target: it cannot mount it by its DNS name there, only across zones by another zone's address",
                "  15:47: efs `files` has mount targets in zone a"});
  // Near misses: the instance in the zone that has one, the asg's zones all
  // covered (by leaving `zones` out).
  CHECK(of_rule(with_public_and_app(R"(sg-chain "c" {
  instance.admin -> efs.files : nfs
  asg.web -> efs.shared : nfs
}
asg "web" { subnets = vpc.main.app }
instance "admin" { subnets = vpc.main.public, zone = "a" }
efs "files" { subnets = vpc.main.app, zones = ["a"] }
efs "shared" { subnets = vpc.main.app }
)"),
                "efs-mount-zone")
            .empty());
}

TEST_CASE("efs-nfs-blocked: an edge to an efs that leaves NFS closed", "[efs][rules]") {
  const auto chain = [](const std::string& edges) {
    return with_public_and_app("sg-chain \"c\" {\n" + edges + "}\nasg \"web\" { subnets = vpc.main.app }\n" +
                    "efs \"files\" { subnets = vpc.main.app }\n");
  };
  CHECK(of_rule(chain("  asg.web -> efs.files : ssh, 80\n"), "efs-nfs-blocked") ==
        Strings{"9:26: error[efs-nfs-blocked]: asg.web opens only 22, 80 to efs `files`, which serves NFS on TCP "
                "2049: asg.web cannot mount it",
                "  12:5: efs `files` serves NFS only; an edge to it that names no ports opens NFS"});
  // NFS is TCP: UDP 2049 does not open it.
  CHECK(of_rule(chain("  asg.web -> efs.files : udp:2049\n"), "efs-nfs-blocked").size() == 2);
  // Near misses: no ports (NFS), nfs, a range over 2049, all traffic, and
  // another edge from the same source that opens NFS.
  for (const char* edges : {"  asg.web -> efs.files\n", "  asg.web -> efs.files : nfs\n",
                            "  asg.web -> efs.files : 2000..2100\n", "  asg.web -> efs.files : all\n",
                            "  asg.web -> efs.files : ssh\n  asg.web -> efs.files : nfs\n"}) {
    INFO(edges);
    CHECK(of_rule(chain(edges), "efs-nfs-blocked").empty());
  }
}

TEST_CASE("an efs that no edge reaches is unreachable; one open to the internet is exposed", "[efs][rules]") {
  CHECK(of_rule(with_public_and_app("efs \"files\" { subnets = vpc.main.app }\n"), "unreachable-resource") ==
        Strings{"8:5: warning[unreachable-resource]: no traffic can reach efs.files: no sg-chain path leads to it "
                "from the internet, a CIDR or a VPC"});
  CHECK(of_rule(with_public_and_app("sg-chain \"c\" { vpc.main.app -> efs.files }\nefs \"files\" { subnets = vpc.main.app }\n"),
                "unreachable-resource")
            .empty());
  CHECK(of_rule(with_public_and_app("sg-chain \"c\" { internet -> efs.files }\nefs \"files\" { subnets = vpc.main.app }\n"),
                "db-internet-exposed")
            .size() == 2);
}
