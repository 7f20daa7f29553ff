#!/usr/bin/env escript
%% -*- erlang -*-
%%! +S 1
%%
%% The Erlang side of the differential supervision tests: runs a scenario on OTP's own `supervisor`
%% with gen_server workers and writes its trace, one event per line, in the format the C# driver writes.
%%
%% Protocol on stdin, one request per line, so one BEAM serves a whole test run:
%%   run <scenario file> <trace file>   -> prints "done" once the trace is written (or "error <why>")
%%   quit
%% One scheduler (+S 1): every signal a dying process sends is queued before anything else runs, so the
%% collector sees starts and stops in causal order.
-module(supervisor_driver).
-mode(compile).

-export([main/1, init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2,
         start_worker/1, start_nested/4, log/2]).

-define(COLLECTOR, conformance_collector).
-define(PERIOD, 3600).

main(_) ->
    logger:remove_handler(default), % stdout is the protocol channel
    ok = logger:add_handler(conformance, ?MODULE, #{level => all}),
    process_flag(trap_exit, true),
    loop().

loop() ->
    case io:get_line("") of
        eof -> halt(0);
        Line ->
            case string:lexemes(string:trim(Line), " ") of
                ["run", Scenario, Trace] ->
                    Reply = try run(Scenario, Trace) of ok -> "done"
                            catch Class:Reason:Stack -> io_lib:format("error ~0p", [{Class, Reason, Stack}]) end,
                    io:put_chars([Reply, $\n]),
                    loop();
                ["quit"] -> halt(0);
                Other -> io:put_chars(io_lib:format("error ~0p~n", [{unknown_request, Other}])), loop()
            end
    end.

%% ---------------------------------------------------------------- one scenario

run(ScenarioFile, TraceFile) ->
    {ok, Terms} = file:consult(ScenarioFile),
    {flags, Strategy, Intensity, AutoShutdown} = lists:keyfind(flags, 1, Terms),
    {children, Children} = lists:keyfind(children, 1, Terms),
    {steps, Steps} = lists:keyfind(steps, 1, Terms),
    Collector = spawn_link(fun() -> collector(new_collector()) end),
    register(?COLLECTOR, Collector),
    Self = self(),
    Driver = spawn_link(fun() -> Self ! {driver_done, self(), drive(Strategy, Intensity, AutoShutdown, Children, Steps)} end),
    Result = receive {driver_done, Driver, R} -> R; {'EXIT', Driver, Why} -> {driver_crashed, Why} end,
    Lines = call(Collector, trace),
    unregister(?COLLECTOR),
    unlink(Collector),
    exit(Collector, kill),
    ok = file:write_file(TraceFile, [[L, $\n] || L <- Lines]),
    case Result of ok -> ok; Other -> error(Other) end.

drive(Strategy, Intensity, AutoShutdown, Children, Steps) ->
    process_flag(trap_exit, true),
    Flags = #{strategy => Strategy, intensity => Intensity, period => ?PERIOD, auto_shutdown => AutoShutdown},
    Simple = Strategy =:= simple_one_for_one,
    put(simple, Simple),
    {ok, Sup} = supervisor:start_link(?MODULE, {top, Flags, [child_spec(C, Simple) || C <- Children]}),
    Monitor = erlang:monitor(process, Sup),
    run_steps(Steps, 1, Sup, Monitor),
    ok.

run_steps([], N, Sup, Monitor) ->
    run_steps([{"end", shutdown}], N, Sup, Monitor); % every scenario ends with an ordered shutdown, traced
run_steps([{Label, Step} | Rest], N, Sup, Monitor) ->
    event(io_lib:format("step ~b ~s", [N, Label])),
    step(Step, Sup),
    sync(Sup),
    receive
        {'DOWN', Monitor, process, Sup, Reason} ->
            receive {'EXIT', Sup, _} -> ok after 0 -> ok end,
            Why = case call(?COLLECTOR, {gave_up, Sup}) of true -> reached_max_restart_intensity; false -> Reason end,
            event(io_lib:format("exit ~p", [Why]))
    after 0 ->
        case Label of
            "end" -> error(supervisor_survived_shutdown);
            _ -> run_steps(Rest, N + 1, Sup, Monitor)
        end
    end.

step({Event, Label}, _Sup) when Event =:= crash; Event =:= exit_normal; Event =:= exit_shutdown; Event =:= kill ->
    case call(?COLLECTOR, {live, Label}) of
        undefined -> event("skip");
        Pid ->
            Ref = erlang:monitor(process, Pid),
            case Event of kill -> exit(Pid, kill); _ -> gen_server:cast(Pid, Event) end,
            receive {'DOWN', Ref, process, Pid, _} -> ok end
    end;
step({start_child, Child}, Sup) -> result(supervisor:start_child(Sup, child_spec(Child, false)));
step({start_simple, Label}, Sup) -> result(supervisor:start_child(Sup, [Label]));
step({terminate_child, {pid, Label}}, Sup) ->
    case call(?COLLECTOR, {live, Label}) of
        undefined -> event("skip");
        Pid -> result(supervisor:terminate_child(Sup, Pid))
    end;
step({terminate_child, {id, Id}}, Sup) -> result(supervisor:terminate_child(Sup, Id));
step({restart_child, Id}, Sup) -> result(supervisor:restart_child(Sup, Id));
step({delete_child, Id}, Sup) -> result(supervisor:delete_child(Sup, Id));
step(which_children, Sup) -> call(?COLLECTOR, {which, supervisor:which_children(Sup), get(simple)});
step(count_children, Sup) -> call(?COLLECTOR, {count, supervisor:count_children(Sup)});
step(shutdown, Sup) ->
    exit(Sup, shutdown),
    receive {'EXIT', Sup, _} -> ok end.

result(Result) -> call(?COLLECTOR, {result, Result}).

event(Line) -> ?COLLECTOR ! {event, lists:flatten(Line)}.

%% Waits until nothing runs: every nested supervisor, then the top one, has handled what reached it,
%% and the collector has seen everything. A supervisor restarts synchronously, so one pass is enough.
sync(Sup) ->
    _ = call(?COLLECTOR, trace),
    [catch supervisor:count_children(Pid) || Pid <- call(?COLLECTOR, supervisors)],
    catch supervisor:count_children(Sup),
    _ = call(?COLLECTOR, trace),
    ok.

%% ---------------------------------------------------------------- specs

child_spec({Id, Restart, Shutdown, worker, Significant}, Simple) ->
    Start = case Simple of true -> {?MODULE, start_worker, []}; false -> {?MODULE, start_worker, [Id]} end,
    #{id => Id, start => Start, restart => Restart, shutdown => Shutdown, type => worker,
      significant => Significant, modules => [?MODULE]};
child_spec({Id, Restart, Shutdown, {supervisor, {Strategy, Intensity}, Children}, Significant}, _Simple) ->
    Flags = #{strategy => Strategy, intensity => Intensity, period => ?PERIOD},
    #{id => Id, start => {?MODULE, start_nested, [Id, Flags, Children, false]}, restart => Restart,
      shutdown => Shutdown, type => supervisor, significant => Significant, modules => [?MODULE]}.

start_worker(Label) -> gen_server:start_link(?MODULE, {worker, Label}, []).

start_nested(Id, Flags, Children, Simple) ->
    supervisor:start_link(?MODULE, {nested, Id, Flags, [child_spec(C, Simple) || C <- Children]}).

%% ---------------------------------------------------------------- callbacks

init({top, Flags, Specs}) -> {ok, {Flags, Specs}};
init({nested, Id, Flags, Specs}) -> started(Id, supervisor), {ok, {Flags, Specs}};
init({worker, Label}) -> started(Label, worker), {ok, Label}.

%% Reported synchronously, so the collector monitors the process before it can die.
started(Label, Kind) -> call(?COLLECTOR, {started, Label, Kind, self()}).

handle_call(_, _, Label) -> {reply, ok, Label}.
handle_cast(crash, Label) -> {stop, crash, Label};
handle_cast(exit_normal, Label) -> {stop, normal, Label};
handle_cast(exit_shutdown, Label) -> {stop, shutdown, Label}.
handle_info(_, Label) -> {noreply, Label}.
terminate(_, _) -> ok.

%% A logger handler: a supervisor that reaches its restart intensity says so in a report; it exits with
%% reason shutdown either way, so the report is how the trace tells giving up from being shut down.
log(#{msg := {report, #{label := {supervisor, _}, report := Report}}}, _) when is_list(Report) ->
    case proplists:get_value(reason, Report) of
        reached_max_restart_intensity -> catch ?COLLECTOR ! {gave_up, self()};
        _ -> ok
    end;
log(_, _) -> ok.

%% ---------------------------------------------------------------- the collector

call(Pid, Request) ->
    Ref = erlang:monitor(process, Pid),
    Pid ! {call, self(), Ref, Request},
    receive
        {Ref, Reply} -> erlang:demonitor(Ref, [flush]), Reply;
        {'DOWN', Ref, process, Pid, Why} -> error({collector_down, Why})
    end.

-record(c, {lines = [], incarnations = #{}, live = #{}, labels = #{}, kinds = #{}, gave_up = []}).

new_collector() -> #c{}.

collector(S) ->
    receive
        {call, From, Ref, Request} ->
            {Reply, S1} = collect(Request, S),
            From ! {Ref, Reply},
            collector(S1);
        {event, Line} -> collector(add(Line, S));
        {gave_up, Pid} -> collector(S#c{gave_up = [Pid | S#c.gave_up]});
        {'DOWN', _, process, Pid, _} ->
            case maps:find(Pid, S#c.labels) of
                {ok, {Label, N}} ->
                    collector(add(io_lib:format("stop ~s ~b", [Label, N]),
                                  S#c{live = maps:remove(Label, S#c.live), labels = maps:remove(Pid, S#c.labels)}));
                error -> collector(S)
            end
    end.

collect({started, Label, Kind, Pid}, S) ->
    erlang:monitor(process, Pid),
    N = maps:get(Label, S#c.incarnations, 0) + 1,
    {ok, add(io_lib:format("start ~s ~b", [Label, N]),
             S#c{incarnations = (S#c.incarnations)#{Label => N}, live = (S#c.live)#{Label => Pid},
                 labels = (S#c.labels)#{Pid => {Label, N}}, kinds = (S#c.kinds)#{Label => Kind}})};
collect({live, Label}, S) -> {maps:get(Label, S#c.live, undefined), S};
collect(supervisors, S) -> {[P || {L, P} <- maps:to_list(S#c.live), maps:get(L, S#c.kinds) =:= supervisor], S};
collect({gave_up, Pid}, S) -> {lists:member(Pid, S#c.gave_up), S};
collect(trace, S) -> {lists:reverse(S#c.lines), S};
collect({result, Result}, S) -> {ok, add(format_result(Result, S), S)};
collect({which, Children, Simple}, S) ->
    %% OTP keeps a simple_one_for_one supervisor's children in a map: their order is not part of the API.
    Entries0 = [lists:flatten(io_lib:format("~s:~s:~s", [format_id(Id), format_child(C, S), T])) || {Id, C, T, _} <- Children],
    Entries = case Simple of true -> lists:sort(Entries0); false -> Entries0 end,
    {ok, add(["which" | [[" ", E] || E <- Entries]], S)};
collect({count, Counts}, S) ->
    [Specs, Active, Sups, Workers] = [proplists:get_value(K, Counts) || K <- [specs, active, supervisors, workers]],
    {ok, add(io_lib:format("count specs=~b active=~b supervisors=~b workers=~b", [Specs, Active, Sups, Workers]), S)}.

add(Line, S) -> S#c{lines = [lists:flatten(Line) | S#c.lines]}.

format_result(ok, _) -> "ok";
format_result({ok, Pid}, S) -> ["ok ", format_child(Pid, S)];
format_result({ok, Pid, _}, S) -> ["ok ", format_child(Pid, S)];
format_result({error, {already_started, Pid}}, S) -> ["error already_started ", format_child(Pid, S)];
format_result({error, Atom}, _) when is_atom(Atom) -> ["error ", atom_to_list(Atom)];
format_result({error, Other}, _) -> io_lib:format("error ~0p", [Other]).

format_id(undefined) -> "undefined";
format_id(Id) -> atom_to_list(Id).

format_child(Pid, S) when is_pid(Pid) ->
    case maps:find(Pid, S#c.labels) of
        {ok, {Label, N}} -> io_lib:format("~s#~b", [Label, N]);
        error -> "unknown"
    end;
format_child(Atom, _) -> atom_to_list(Atom).
