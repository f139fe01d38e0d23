using AiRaceSim.Model.Equations;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>K3 through the board equals K3 over every API firm, bit for bit (the board groups firms by access).</summary>
public sealed class TeacherBoardTests
{
    /// <summary>K3 as docs/MODEL.md states it: max(f, max_j [f + w_j·max(0, K_j − f)]) over the API firms.</summary>
    private static double Direct(double floor, double[]?[] k, int[] api, double[][] w, int m)
    {
        double best = floor;
        foreach (int j in api)
        {
            double kj = k[j]![m], wj = w[j][m];
            if (double.IsNegativeInfinity(kj) || double.IsNegativeInfinity(floor) || wj <= 0) continue;
            best = Math.Max(best, floor + wj * Math.Max(0, kj - floor));
        }
        return best;
    }

    [Fact]
    public void The_board_gives_the_teacher_of_the_direct_sum_over_api_firms()
    {
        const int members = 400, firms = 9;
        // Accesses from a few levels (so groups form: home 1, abroad 0.35, blocked 0.35·ℓ, none 0), capabilities
        // around the floors with −∞ for firms without a model; firm 4 serves no API.
        double[] levels = [1, 0.35, 0.35 * 0.2, 0, 0.6];
        var k = new double[]?[firms];
        var w = new double[firms][];
        for (int j = 0; j < firms; j++)
        {
            w[j] = new double[members];
            k[j] = j == 4 ? null : new double[members];
            for (int m = 0; m < members; m++)
            {
                w[j][m] = levels[(int)(CounterRng.Uniform(1, m, j, 0, 1) * levels.Length)];
                if (k[j] is { } kj) kj[m] = CounterRng.Uniform(1, m, j, 0, 2) < 0.1 ? double.NegativeInfinity : 20 + 8 * CounterRng.Uniform(1, m, j, 0, 3);
            }
        }
        int[] api = [0, 1, 2, 3, 5, 6, 7, 8];
        var board = new TeacherBoard(members);
        board.Build(k, api, w);
        int raised = 0;
        for (int m = 0; m < members; m++)
            foreach (double floor in new[] { double.NegativeInfinity, 19.0, 23.5, 27.9, 30 })
            {
                double expected = Direct(floor, k, api, w, m), actual = board.Teacher(m, floor);
                Assert.True(expected.Equals(actual), $"member {m}, floor {floor}: direct {expected}, board {actual}");
                if (expected > floor) raised++;
            }
        Assert.True(raised > 500, $"only {raised} teachers above their floor: the comparison checks little");

        // Rebuilt with fewer API firms (an exit) and then more (an entry): the board follows.
        board.Build(k, [1, 7], w);
        for (int m = 0; m < members; m++) Assert.Equal(Direct(23.5, k, [1, 7], w, m), board.Teacher(m, 23.5));
        board.Build(k, api, w);
        for (int m = 0; m < members; m++) Assert.Equal(Direct(23.5, k, api, w, m), board.Teacher(m, 23.5));
    }

    [Fact]
    public void Firms_reached_with_the_same_access_count_once_through_the_best_of_them()
    {
        // One member; three firms at access 0.5 (K 24, 26, 25) and one at 1 (K 24.5); floor 24:
        // 0.5 group: 24 + 0.5·(26 − 24) = 25; the access-1 firm: 24.5. Teacher 25.
        var k = new double[]?[] { [24], [26], [25], [24.5] };
        var w = new double[][] { [0.5], [0.5], [0.5], [1] };
        var board = new TeacherBoard(1);
        board.Build(k, [0, 1, 2, 3], w);
        Assert.Equal(25, board.Teacher(0, 24));
        Assert.Equal(2, board.Contents().Count[0]);
        Assert.Equal(2, board.Contents().Slots); // a message carries the groups, not the four API firms
        // From a message, the same teacher.
        var (slots, count, access, best) = board.Contents();
        Assert.Equal(25, TeacherBoard.From(slots, count, access, best).Teacher(0, 24));
        Assert.Equal(Capability.TeacherFrom(24, 26, 0.5), board.Teacher(0, 24));
        // A NaN capability wins its group, as it wins max() over the firms.
        board.Build([[24], [double.NaN], [25], [24.5]], [0, 1, 2, 3], w);
        Assert.True(double.IsNaN(board.Teacher(0, 24)));
        // No API firm: the floor itself.
        board.Build(k, [], w);
        Assert.Equal(24, board.Teacher(0, 24));
    }

    [Fact]
    public void Firms_that_teach_nothing_take_no_group()
    {
        // No model yet (−∞) or no access (0): skipped, so only the two real teachers make groups.
        var k = new double[]?[] { [double.NegativeInfinity], [25], [26], [27] };
        var w = new double[][] { [0.5], [0], [0.5], [1] };
        var board = new TeacherBoard(1);
        board.Build(k, [0, 1, 2, 3], w);
        Assert.Equal(2, board.Contents().Count[0]);
        Assert.Equal(27, board.Teacher(0, 24)); // 24 + 1·(27 − 24); the 0.5 group gives 24 + 0.5·2 = 25
    }

    [Fact]
    public void A_board_sent_in_a_message_is_compacted_to_its_groups_and_teaches_the_same()
    {
        // 50 members, 6 API firms at three accesses: members have 1 to 3 groups.
        const int members = 50;
        double[] levels = [1, 0.35, 0.07];
        var k = new double[]?[6];
        var w = new double[6][];
        for (int j = 0; j < 6; j++)
        {
            k[j] = new double[members];
            w[j] = new double[members];
            for (int m = 0; m < members; m++)
            {
                k[j]![m] = 22 + 6 * CounterRng.Uniform(3, m, j, 0, 1);
                w[j][m] = j < 2 ? 1 : levels[(int)(CounterRng.Uniform(3, m, j, 0, 2) * (m % 3 + 1))];
            }
        }
        var board = new TeacherBoard(members);
        board.Build(k, [0, 1, 2, 3, 4, 5], w);
        var (slots, count, access, best) = board.Contents();
        Assert.Equal(count.Max(), slots);
        Assert.True(slots is >= 2 and < 6, $"slots {slots}: the test does not exercise compaction");
        Assert.Equal(slots * members, access.Length);
        Assert.Equal(slots * members, best.Length);
        var back = TeacherBoard.From(slots, count, access, best);
        for (int m = 0; m < members; m++)
            foreach (double floor in new[] { 21.0, 24, 27 })
                Assert.Equal(board.Teacher(m, floor), back.Teacher(m, floor));
    }

    [Theory]
    [InlineData(0, 1, 1, 1, "no slot")]
    [InlineData(0, 0, 0, 0, "no slot, nothing counted")]
    [InlineData(2, 3, 4, 1, "access too short")]
    [InlineData(2, 4, 3, 1, "best too short")]
    [InlineData(2, 4, 4, 3, "a count above the slots")]
    [InlineData(2, 4, 4, -1, "a negative count")]
    public void A_board_whose_contents_do_not_fit_is_refused(int slots, int accessLength, int bestLength, int count, string what)
    {
        var e = Assert.Throws<ArgumentException>(() => TeacherBoard.From(slots, [count, 0], new double[accessLength], new double[bestLength]));
        Assert.Contains("do not fit", e.Message);
        Assert.NotNull(what);
        _ = TeacherBoard.From(2, [2, 0], new double[4], new double[4]); // and ones that fit: two slots, one, none used
        _ = TeacherBoard.From(1, [1, 0], new double[2], new double[2]);
        Assert.Equal(1, new TeacherBoard(0).Contents().Slots);
    }
}
