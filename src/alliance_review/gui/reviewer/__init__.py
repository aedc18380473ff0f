"""The reviewer's workspace: score the assigned alliances of one reviewer file."""
